package se.coop.query.extract;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where an operator's archive exports are written: {@code coop.archive.export-dir}, by default ./data/archive-exports. */
@ConfigurationProperties("coop.archive")
public record ArchiveSettings(Path exportDir) {

    public ArchiveSettings {
        exportDir = exportDir == null ? Path.of("data", "archive-exports") : exportDir;
    }
}
