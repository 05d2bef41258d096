package se.coop.api;

/** An annual political review, or another recurring meeting such as a workshop. */
public enum ReviewKind {
    ANNUAL_REVIEW,
    MEETING
}
