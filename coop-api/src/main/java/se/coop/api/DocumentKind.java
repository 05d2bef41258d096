package se.coop.api;

/**
 * What a document is to an agreement (docs/domain.md, rule 15): its text, a signed copy, an extract of a board's
 * minutes, a notice of a decision, the minutes of a review meeting, a final report, or something else.
 */
public enum DocumentKind {
    AGREEMENT_TEXT,
    SIGNED_COPY,
    MINUTES_EXTRACT,
    DECISION_NOTICE,
    REVIEW_MINUTES,
    FINAL_REPORT,
    OTHER;

    /** A reviewer reads an agreement's texts and the minutes of its review meetings, and no other document. */
    public boolean openToReviewers() {
        return this == AGREEMENT_TEXT || this == REVIEW_MINUTES;
    }
}
