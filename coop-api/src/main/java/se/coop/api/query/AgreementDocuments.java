package se.coop.api.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.coop.api.DocumentKind;
import se.coop.api.document.StoredDocument;

/**
 * Every document an agreement names — its text versions, the documents attached to it, and those its signatures,
 * board decisions and meetings rest on — once per SHA-256, oldest first, each with whether Coop holds it. {@code
 * textSha256} is the agreement's own text (the version in force, or before entry into force the latest); {@code
 * textHeld} whether Coop holds it.
 */
public record AgreementDocuments(
        String agreementId, String textSha256, boolean textHeld, List<NamedDocument> documents) {

    /**
     * A document as the agreement names it: the kinds it is named as, its description where the agreement gives one
     * (a text's or attached document's title, media type, size and address), each act that names it ({@code namedBy}),
     * and what the store holds of it ({@code stored}: null when Coop never held it; {@code held} false for that and
     * for a culled document).
     */
    public record NamedDocument(
            String sha256,
            List<DocumentKind> kinds,
            String title,
            String mediaType,
            Long size,
            String uri,
            List<Use> namedBy,
            boolean held,
            StoredDocument stored) {

        /** This document with what the store holds of it. */
        public NamedDocument withStored(StoredDocument found) {
            return new NamedDocument(
                    sha256, kinds, title, mediaType, size, uri, namedBy, found != null && found.held(), found);
        }

        /**
         * Where the agreement's description of the document contradicts the bytes Coop holds under its SHA-256 ({@code
         * "size"}, {@code "mediaType"}; rule 15): possible only when the bytes were uploaded after the agreement
         * described them. Empty when they agree, or Coop never held them.
         */
        @JsonProperty("contradictions")
        public List<String> contradictions() {
            return stored == null ? List.of() : stored.contradictedBy(mediaType, size);
        }

        /** The name a person knows it by: the agreement's title for it, else the name it was uploaded under. */
        public String name() {
            if (title != null) {
                return title;
            }
            return stored == null ? null : stored.fileName();
        }
    }

    /** What names a document. */
    public enum Act {
        TEXT_VERSION,
        ATTACHED,
        SIGNATURE,
        BOARD_DECISION,
        MEETING
    }

    /**
     * One act naming a document: a text version ({@code textVersion}), an attachment ({@code id}: the document id), a
     * party's signature ({@code partyId}, {@code on}), a board decision ({@code id}, {@code partyId}, {@code on}) or a
     * meeting's outcome ({@code id}: the meeting, {@code on}); as the document of {@code kind}, recorded at
     * {@code recordedAt}.
     */
    public record Use(
            Act act,
            DocumentKind kind,
            Integer textVersion,
            String id,
            String partyId,
            LocalDate on,
            Instant recordedAt) {}
}
