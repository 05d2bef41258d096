package se.coop.command.agreement;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import se.coop.api.AgreementId;
import se.coop.api.DocumentId;
import se.coop.api.DocumentKind;
import se.coop.api.LinkType;

/** The documents attached by their SHA-256 (rule 15) and the links to other cooperations (rule 14). */
final class Records {

    /** A document as it is described now. */
    record Document(DocumentId id, String title, String mediaType, long size, String uri, DocumentKind kind) {}

    private final Map<String, Document> documentsBySha = new HashMap<>();
    private final Set<String> links = new HashSet<>();

    Document document(String sha256) {
        return documentsBySha.get(sha256);
    }

    boolean isLinked(LinkType type, AgreementId other, String otherTitle) {
        return links.contains(key(type, other, otherTitle));
    }

    private static String key(LinkType type, AgreementId other, String otherTitle) {
        return type + "|" + (other == null ? "" : other) + "|" + Objects.requireNonNullElse(otherTitle, "");
    }

    // ------------------------------------------------------------------ what the events say

    void attached(String sha256, Document document) {
        documentsBySha.put(sha256, document);
    }

    void corrected(String sha256, String title, String mediaType, String uri, DocumentKind kind) {
        Document was = documentsBySha.get(sha256);
        documentsBySha.put(sha256, new Document(was.id(), title, mediaType, was.size(), uri, kind));
    }

    void linked(LinkType type, AgreementId other, String otherTitle) {
        links.add(key(type, other, otherTitle));
    }
}
