package se.coop.documents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code coop.documents}: the largest upload ({@code max-size}, 50 MB), the media types accepted as detected from the
 * bytes ({@code allowed-types}: PDF, ODF, OOXML, plain text, PNG, JPEG, TIFF), how long an upload no agreement names may
 * still be removed by a secretariat ({@code removable-for}, 7 days), where uploads are spooled while they are checked
 * ({@code spool-dir}, the system's temporary directory), the PDF/A check's time budget per PDF, and the scrub's pace
 * ({@code scrub.bytes-per-second}, 8 MB) and round ({@code scrub.every}: each document re-checked at least this often, 7
 * days).
 */
@ConfigurationProperties("coop.documents")
public record DocumentSettings(
        DataSize maxSize, List<String> allowedTypes, Duration removableFor, Path spoolDir, PdfA pdfa, Scrub scrub) {

    /** What Coop accepts unless configured otherwise: the formats an e-archive takes. */
    public static final List<String> DEFAULT_TYPES = List.of(
            "application/pdf",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
            "application/vnd.oasis.opendocument.graphics",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "text/plain",
            "image/png",
            "image/jpeg",
            "image/tiff");

    public DocumentSettings {
        maxSize = maxSize == null ? DataSize.ofMegabytes(50) : maxSize;
        allowedTypes = allowedTypes == null || allowedTypes.isEmpty() ? DEFAULT_TYPES : List.copyOf(allowedTypes);
        removableFor = removableFor == null ? Duration.ofDays(7) : removableFor;
        spoolDir = spoolDir == null ? Path.of(System.getProperty("java.io.tmpdir")) : spoolDir;
        pdfa = pdfa == null ? new PdfA(null) : pdfa;
        scrub = scrub == null ? new Scrub(null, null, null) : scrub;
    }

    /** The PDF/A check: at most {@code timeBudget} (1 minute) per PDF, in the background. */
    public record PdfA(Duration timeBudget) {
        public PdfA {
            timeBudget = timeBudget == null ? Duration.ofMinutes(1) : timeBudget;
        }
    }

    /**
     * The scrub: it reads at most {@code bytesPerSecond} (8 MB), re-checks each document at least {@code every} (7
     * days), and runs every {@code interval} (1 minute) for at most {@code interval}'s length at a time.
     */
    public record Scrub(DataSize bytesPerSecond, Duration every, Duration interval) {
        public Scrub {
            bytesPerSecond = bytesPerSecond == null ? DataSize.ofMegabytes(8) : bytesPerSecond;
            every = every == null ? Duration.ofDays(7) : every;
            interval = interval == null ? Duration.ofMinutes(1) : interval;
        }
    }
}
