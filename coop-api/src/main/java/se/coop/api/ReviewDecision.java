package se.coop.api;

/** What a review meeting decided about the agreement. */
public enum ReviewDecision {
    CONTINUE,
    AMEND,
    TERMINATE
}
