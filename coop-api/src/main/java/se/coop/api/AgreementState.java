package se.coop.api;

/** The lifecycle states of an agreement. */
public enum AgreementState {
    DRAFT,
    AWAITING_APPROVAL,
    IN_FORCE,
    TERMINATED,
    EXPIRED,
    ABANDONED,
    ARCHIVED
}
