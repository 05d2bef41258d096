package se.coop.api.document;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file name extensions of the types Coop keeps, one rule for every place a document gets a name outside Coop: a
 * download's {@code Content-Disposition} and a file in an archive package. A type is known by the extensions listed
 * here, its usual one first; a document is always named with an extension of the type detected from its bytes, never
 * of the name it was uploaded under alone — "Protokoll.pdf.js" holding text is downloaded as "Protokoll.pdf.js.txt",
 * so that nobody's computer opens text as a program.
 */
public final class FileTypes {

    private static final Map<String, List<String>> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", List.of(".pdf")),
            Map.entry("application/vnd.oasis.opendocument.text", List.of(".odt")),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", List.of(".ods")),
            Map.entry("application/vnd.oasis.opendocument.presentation", List.of(".odp")),
            Map.entry("application/vnd.oasis.opendocument.graphics", List.of(".odg")),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of(".docx")),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of(".xlsx")),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of(".pptx")),
            Map.entry("text/plain", List.of(".txt", ".csv", ".tsv")),
            Map.entry("image/png", List.of(".png")),
            Map.entry("image/jpeg", List.of(".jpg", ".jpeg")),
            Map.entry("image/tiff", List.of(".tif", ".tiff")));

    private FileTypes() {}

    /** The usual extension of a media type ({@code .pdf}), or none for a type not listed here. */
    public static String extension(String mediaType) {
        List<String> known = EXTENSIONS.get(base(mediaType));
        return known == null ? "" : known.get(0);
    }

    /**
     * The name to give a document of {@code mediaType} uploaded as {@code fileName}: that name where it ends in one of
     * the type's extensions (in any case), else that name with the type's usual extension added. A type not listed
     * here keeps its name as uploaded (it was allowed by configuration, which then answers for it).
     */
    public static String nameFor(String fileName, String mediaType) {
        List<String> known = EXTENSIONS.get(base(mediaType));
        if (known == null) {
            return fileName;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        return known.stream().anyMatch(lower::endsWith) ? fileName : fileName + known.get(0);
    }

    private static String base(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
