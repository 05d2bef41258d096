package se.coop.api;

/** The outcome of a board decision (rule 4): only {@link #ADOPTED} counts as an approval. */
public enum BoardOutcome {
    /** bifall / vedtaget */
    ADOPTED,
    /** avslag: blocks entry into force until the party adopts, is removed, or the draft is revised */
    REJECTED,
    /** återremiss: recorded, changes nothing else */
    REFERRED_BACK,
    /** bordläggning: recorded, changes nothing else */
    TABLED
}
