package se.coop.api;

import jakarta.validation.constraints.NotNull;

/**
 * The document an act rests on — a signed copy under a signature, a minutes extract under a board decision, the
 * minutes of a meeting under its outcome — named by its SHA-256 like every document (rule 15), with its kind. A
 * command may leave the kind out; the act gives its usual one ({@link #orKind}).
 */
public record DocumentRef(@NotNull String sha256, DocumentKind kind) {

    public DocumentRef {
        sha256 = ValueChecks.sha256(sha256);
    }

    /** This reference, of {@code usual} kind when it names none. */
    public DocumentRef orKind(DocumentKind usual) {
        return kind != null ? this : new DocumentRef(sha256, usual);
    }

    /** The reference, of {@code usual} kind when it names none; null for none. */
    public static DocumentRef of(DocumentRef given, DocumentKind usual) {
        return given == null ? null : given.orKind(usual);
    }
}
