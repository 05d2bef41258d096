package se.coop.api;

/**
 * Stable error codes that clients may rely on. Each says what kind of answer it is, so the HTTP layer maps a code
 * to a status without knowing the rules behind it.
 */
public enum ErrorCode {
    // bad input
    MALFORMED_REQUEST(Kind.BAD_INPUT),
    VALIDATION_FAILED(Kind.BAD_INPUT),
    PAYLOAD_TOO_LARGE(Kind.TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(Kind.UNSUPPORTED_MEDIA_TYPE),
    NOT_ACCEPTABLE(Kind.NOT_ACCEPTABLE),
    METHOD_NOT_ALLOWED(Kind.METHOD_NOT_ALLOWED),
    // an upload of a type not on the allow-list (coop.documents.allowed-types)
    DOCUMENT_TYPE_NOT_ALLOWED(Kind.UNSUPPORTED_MEDIA_TYPE),
    // a Range a document cannot give
    RANGE_NOT_SATISFIABLE(Kind.RANGE_NOT_SATISFIABLE),
    // not found
    NOT_FOUND(Kind.NOT_FOUND),
    AGREEMENT_NOT_FOUND(Kind.NOT_FOUND),
    DECISION_NOT_FOUND(Kind.NOT_FOUND),
    REVIEW_NOT_FOUND(Kind.NOT_FOUND),
    PARTY_NOT_FOUND(Kind.NOT_FOUND),
    EXPORT_NOT_FOUND(Kind.NOT_FOUND),
    EXTRACT_NOT_FOUND(Kind.NOT_FOUND),
    CHECKPOINT_NOT_FOUND(Kind.NOT_FOUND),
    CONTACT_NOT_FOUND(Kind.NOT_FOUND),
    DOCUMENT_NOT_FOUND(Kind.NOT_FOUND),
    // request headers
    VERSION_MISMATCH(Kind.PRECONDITION_FAILED),
    IDEMPOTENCY_KEY_REUSED(Kind.UNPROCESSABLE),
    // security
    UNAUTHENTICATED(Kind.UNAUTHENTICATED),
    FORBIDDEN(Kind.FORBIDDEN),
    TOO_MANY_SIGN_INS(Kind.TOO_MANY_REQUESTS),
    /** More of one kind of request than Coop takes from one user or at once; {@code Retry-After} says when to ask again. */
    TOO_MANY_REQUESTS(Kind.TOO_MANY_REQUESTS),
    // lifecycle rules (docs/domain.md), each refused with 409
    AGREEMENT_ARCHIVED(Kind.REFUSED),
    WRONG_STATE(Kind.REFUSED),
    TOO_FEW_PARTIES(Kind.REFUSED),
    DUPLICATE_PARTY(Kind.REFUSED),
    LEAD_PARTY_REQUIRED(Kind.REFUSED),
    LEAD_PARTY_CANNOT_LEAVE(Kind.REFUSED),
    PARTY_NOT_IN_AGREEMENT(Kind.REFUSED),
    PARTY_NO_LONGER_IN_AGREEMENT(Kind.REFUSED),
    WRONG_TEXT_VERSION(Kind.REFUSED),
    TEXT_NOT_SUBMITTED(Kind.REFUSED),
    TEXT_UNCHANGED(Kind.REFUSED),
    DATE_IN_FUTURE(Kind.REFUSED),
    DATE_OUT_OF_ORDER(Kind.REFUSED),
    DUPLICATE_ID(Kind.REFUSED),
    APPEAL_NOT_APPLICABLE(Kind.REFUSED),
    APPEAL_ALREADY_DECIDED(Kind.REFUSED),
    APPEAL_WINDOW_CLOSED(Kind.REFUSED),
    NO_APPEAL_LODGED(Kind.REFUSED),
    REVIEW_NOT_IN_FUTURE(Kind.REFUSED),
    REVIEW_NOT_IN_PAST(Kind.REFUSED),
    REVIEW_NOT_SCHEDULED(Kind.REFUSED),
    REVIEWER_REQUIRED(Kind.REFUSED),
    NOTICE_ALREADY_GIVEN(Kind.REFUSED),
    LINKED_AGREEMENT_NOT_FOUND(Kind.REFUSED),
    DOCUMENT_ALREADY_ATTACHED(Kind.REFUSED),
    TEXT_SIZE_MISMATCH(Kind.REFUSED),
    SELF_LINK(Kind.REFUSED),
    CONCURRENT_MODIFICATION(Kind.REFUSED),
    AGREEMENT_NOT_ARCHIVED(Kind.REFUSED),
    EXPORT_RUNNING(Kind.REFUSED),
    // an extract made in the background (a job) is not done yet; or its file is gone (failed, cancelled, removed)
    EXTRACT_NOT_READY(Kind.REFUSED),
    EXTRACT_GONE(Kind.GONE),
    // a checkpoint asked for where no key to sign it with is configured (docs/audit.md)
    SIGNING_KEY_MISSING(Kind.REFUSED),
    // the checkpoints' own stream lost its newest events: no checkpoint is taken over it
    CHECKPOINTS_CUT(Kind.REFUSED),
    // a contact erased stays erased; another contact has the address already
    CONTACT_ERASED(Kind.REFUSED),
    CONTACT_ADDRESS_TAKEN(Kind.REFUSED),
    // the party register has an organisation with this id already
    PARTY_ID_TAKEN(Kind.REFUSED),
    // one verification against a checkpoint runs at a time
    VERIFICATION_RUNNING(Kind.REFUSED),
    // the document store: a document an agreement names is not removed (only culled); a removal comes within its time;
    // culled bytes are not stored again
    DOCUMENT_NAMED(Kind.REFUSED),
    DOCUMENT_REMOVAL_TOO_LATE(Kind.REFUSED),
    // a culled document's bytes are gone: not read, and not stored again
    DOCUMENT_CULLED(Kind.GONE),
    // a stored chunk no longer matches its SHA-256: the answer stops, and the damage is reported
    DOCUMENT_DAMAGED(Kind.INTERNAL),
    // the server's own fault
    INTERNAL_ERROR(Kind.INTERNAL);

    /** The kind of answer, independent of any transport. */
    public enum Kind {
        BAD_INPUT,
        TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE,
        NOT_ACCEPTABLE,
        METHOD_NOT_ALLOWED,
        RANGE_NOT_SATISFIABLE,
        NOT_FOUND,
        GONE,
        PRECONDITION_FAILED,
        UNPROCESSABLE,
        UNAUTHENTICATED,
        FORBIDDEN,
        TOO_MANY_REQUESTS,
        REFUSED,
        INTERNAL
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
