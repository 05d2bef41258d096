package se.coop.api.document;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A document in Coop's store: its bytes' SHA-256 and size, the media type detected from them (and the format's version
 * where one is read: a PDF's header version, an ODF package's, a JPEG's JFIF version), the name it was uploaded under,
 * whether it is PDF/A ({@code pdfa}, null for what is no PDF), who uploaded it and when, whether a check found a chunk
 * of it no longer matching ({@code damaged}), and — once an operator culled it under the archive authority's decision —
 * what culled it: then its bytes are gone and this record stays.
 */
public record StoredDocument(
        String sha256,
        long size,
        String mediaType,
        String formatVersion,
        String fileName,
        PdfA pdfa,
        String uploadedBy,
        Instant uploadedAt,
        Damage damaged,
        Culling culled) {

    /** Whether Coop holds the bytes: stored and not culled. */
    @JsonProperty("held")
    public boolean held() {
        return culled == null;
    }

    /**
     * Where a description of a document by this SHA-256 contradicts the bytes (rule 15): {@code "size"} when it gives
     * another size, {@code "mediaType"} when another media type (compared without its parameters, in any case);
     * empty when it agrees or leaves them out. The command side refuses such a description of a document Coop holds;
     * a document uploaded after an agreement described it otherwise is shown with the contradiction.
     */
    public List<String> contradictedBy(String describedMediaType, Long describedSize) {
        List<String> fields = new ArrayList<>();
        if (describedSize != null && describedSize != size) {
            fields.add("size");
        }
        if (describedMediaType != null
                && !describedMediaType.isBlank()
                && !baseType(describedMediaType).equals(baseType(mediaType))) {
            fields.add("mediaType");
        }
        return List.copyOf(fields);
    }

    /** Why {@code field} (one {@link #contradictedBy} names) contradicts the bytes, in words. */
    public String contradiction(String field, String describedMediaType, Long describedSize) {
        return field.equals("size")
                ? "Coop holds the document with this SHA-256, and it has " + size + " bytes, not " + describedSize
                        + " (rule 15)"
                : "Coop holds the document with this SHA-256, and its bytes are " + mediaType + ", not "
                        + describedMediaType.strip();
    }

    /** A media type without its parameters, in lower case: {@code text/plain; charset=UTF-8} is {@code text/plain}. */
    private static String baseType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** What veraPDF found of a PDF: whether it is PDF/A, of which part and conformance ({@code flavour}, "2b"). */
    public record PdfA(PdfAStatus status, String flavour, String detail, Instant checkedAt) {}

    /** Where the PDF/A check of a PDF stands. */
    public enum PdfAStatus {
        /** not checked yet: it runs in the background after the upload */
        PENDING,
        /** it claims PDF/A and veraPDF finds it compliant */
        COMPLIANT,
        /** it claims PDF/A, and veraPDF finds rules of it broken */
        NOT_COMPLIANT,
        /** a plain PDF: it claims no PDF/A part */
        NOT_PDFA,
        /** the check did not finish within its time budget, or could not read the file */
        UNDETERMINED
    }

    /** A stored chunk found no longer matching its SHA-256: when, and which. */
    public record Damage(Instant foundAt, String detail) {}

    /**
     * The archive authority's decision an operator cited to cull a document (gallringsbeslut, kassationsbeslut):
     * when, by whom, which decision and the day it was taken.
     */
    public record Culling(Instant culledAt, String culledBy, String decision, LocalDate decidedOn) {}
}
