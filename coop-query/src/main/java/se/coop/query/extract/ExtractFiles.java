package se.coop.query.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary files of heavy extracts — a dossier's parts, a PDF or package being made — in a directory of this
 * process's own ({@code coop-extracts-<pid>} in the system's temporary directory). A process that dies leaves its
 * directory behind; the next one to start on the machine removes every such directory whose process is gone, and so
 * every file a killed render left.
 */
public final class ExtractFiles {

    private static final Logger log = LoggerFactory.getLogger(ExtractFiles.class);
    private static final String PREFIX = "coop-extracts-";
    private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"))
            .resolve(PREFIX + ProcessHandle.current().pid());

    private ExtractFiles() {}

    /** A new temporary file in this process's directory. */
    public static Path create(String prefix, String suffix) throws IOException {
        Files.createDirectories(DIRECTORY);
        return Files.createTempFile(DIRECTORY, prefix, suffix);
    }

    /** Removes the directories of processes that are gone; returns how many. */
    static int removeLeftBehind() {
        Path temporary = DIRECTORY.getParent();
        List<Path> left;
        try (Stream<Path> all = Files.list(temporary)) {
            left = all.filter(path -> path.getFileName().toString().startsWith(PREFIX))
                    .filter(path -> !alive(path.getFileName().toString().substring(PREFIX.length())))
                    .toList();
        } catch (IOException e) {
            log.warn("Could not list {}: {}", temporary, e.toString());
            return 0;
        }
        for (Path directory : left) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException | UncheckedIOException e) {
                log.warn("Could not remove {}: {}", directory, e.toString());
            }
        }
        return left.size();
    }

    /**
     * Whether the process {@code pid} on this machine is alive; a node id that is no process id is taken to be (another
     * node's, alive or not, is not this one's to judge).
     */
    static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
