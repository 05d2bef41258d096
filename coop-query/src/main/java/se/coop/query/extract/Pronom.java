package se.coop.query.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.coop.api.document.StoredDocument;

/**
 * The formats of what a package holds as PRONOM registers them (its PUID, name and version), from {@code pronom.tsv}:
 * the rows of The National Archives' DROID signature file for the formats Coop keeps, its source named in the file.
 * A document's format is matched by its media type and the version read from it; one PRONOM tells apart by versions
 * Coop did not read gets its name without a PUID, since a guess is no identification.
 */
final class Pronom {

    /** A PRONOM format: its PUID (null when Coop cannot say which), name and version. */
    record Entry(String puid, String name, String version, List<String> mediaTypes) {}

    private static final List<Entry> ENTRIES = read();

    private Pronom() {}

    /** The format registered under {@code puid}. */
    static PackageFile.Format of(String puid) {
        return ENTRIES.stream()
                .filter(e -> e.puid().equals(puid))
                .findFirst()
                .map(Pronom::format)
                .orElseThrow(() -> new IllegalArgumentException("no PRONOM format " + puid + " in pronom.tsv"));
    }

    /**
     * The format of a stored document: a PDF/A part and conformance veraPDF found it compliant with, else its media type
     * and the version read from its bytes (a PDF's header, an ODF manifest's, a JPEG's JFIF segment).
     */
    static PackageFile.Format of(StoredDocument document) {
        String version = document.formatVersion();
        if (document.pdfa() != null
                && document.pdfa().status() == StoredDocument.PdfAStatus.COMPLIANT
                && document.pdfa().flavour() != null) {
            version = document.pdfa().flavour();
        }
        return of(document.mediaType(), version);
    }

    static PackageFile.Format of(String mediaType, String version) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        List<Entry> ofType =
                ENTRIES.stream().filter(e -> e.mediaTypes().contains(type)).toList();
        for (Entry entry : ofType) {
            if (!entry.version().isEmpty() && entry.version().equals(version)) {
                return format(entry);
            }
        }
        if (ofType.size() == 1) {
            // PRONOM has one format for the type ("2007 onwards", or no version at all)
            return format(ofType.get(0));
        }
        // PRONOM tells this type's versions apart and none was read (or the type is none it registers here)
        return new PackageFile.Format(mediaType, version, null);
    }

    private static PackageFile.Format format(Entry entry) {
        return new PackageFile.Format(entry.name(), entry.version().isEmpty() ? null : entry.version(), entry.puid());
    }

    private static List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = Pronom.class.getResourceAsStream("/pronom.tsv")) {
            if (in == null) {
                throw new IllegalStateException("pronom.tsv is not on the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                entries.add(new Entry(
                        columns[0],
                        columns[1],
                        columns[2],
                        List.of(columns[3].toLowerCase(Locale.ROOT).split(",\\s*"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries);
    }
}
