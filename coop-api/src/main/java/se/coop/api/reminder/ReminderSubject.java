package se.coop.api.reminder;

/** What a reminder is about. */
public enum ReminderSubject {
    /** A scheduled meeting: an annual review or another meeting. */
    MEETING,
    /** An agreement in force with no review held or scheduled within its cadence (rule 7). */
    OVERDUE_REVIEW,
    /** A Swedish party's yearly report to its council on an avtalssamverkan (KL 9 kap. 38 §, rule 13). */
    COUNCIL_REPORT
}
