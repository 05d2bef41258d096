package se.coop.query.extract;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where an operator's archive exports are written ({@code coop.archive.export-dir}, by default ./data/archive-exports)
 * and how long their files are kept once finished ({@code coop.archive.keep-exports}, by default 7 days: time to copy
 * them to the e-archive); the record of each export stays.
 */
@ConfigurationProperties("coop.archive")
public record ArchiveSettings(Path exportDir, Duration keepExports) {

    public ArchiveSettings {
        exportDir = exportDir == null ? Path.of("data", "archive-exports") : exportDir;
        keepExports = keepExports == null ? Duration.ofDays(7) : keepExports;
        if (keepExports.isNegative()) {
            throw new IllegalArgumentException("coop.archive.keep-exports must not be negative");
        }
    }
}
