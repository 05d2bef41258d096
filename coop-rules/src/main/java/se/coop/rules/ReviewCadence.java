package se.coop.rules;

import java.time.LocalDate;

/**
 * Rule 7: an agreement in force must hold an annual review within each cadence (12 months unless drafted otherwise):
 * the next is due a cadence after the last annual review held, or after entry into force when none was held. It is
 * overdue from the day after that: a review that was only scheduled — one whose day has passed without its outcome
 * being recorded, or one planned beyond the cadence — does not count.
 */
public final class ReviewCadence {

    private ReviewCadence() {}

    public static LocalDate dueOn(LocalDate effectiveFrom, LocalDate lastAnnualReviewHeldOn, int cadenceMonths) {
        LocalDate from = lastAnnualReviewHeldOn != null && lastAnnualReviewHeldOn.isAfter(effectiveFrom)
                ? lastAnnualReviewHeldOn
                : effectiveFrom;
        return from.plusMonths(cadenceMonths);
    }

    public static boolean overdue(LocalDate today, LocalDate dueOn) {
        return today.isAfter(dueOn);
    }
}
