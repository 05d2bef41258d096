package se.coop.api.event;

/** Why an agreement ended before its end date. */
public enum TerminationCause {
    /** The parties decided to terminate it. */
    DECISION,
    /** A party left and fewer than two remain. */
    TOO_FEW_PARTIES
}
