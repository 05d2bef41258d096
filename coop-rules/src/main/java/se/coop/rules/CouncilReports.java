package se.coop.rules;

import java.time.LocalDate;

/**
 * Rule 13: each Swedish party to an avtalssamverkan (KL 9 kap. 37 §) reports on it to its council every year
 * (9 kap. 38 §), the first a year after entry into force.
 */
public final class CouncilReports {

    private CouncilReports() {}

    public static LocalDate firstDueOn(LocalDate effectiveFrom) {
        return effectiveFrom.plusYears(1);
    }

    /** The next report due on or after {@code today}. */
    public static LocalDate nextDueOn(LocalDate effectiveFrom, LocalDate today) {
        LocalDate due = firstDueOn(effectiveFrom);
        while (due.isBefore(today)) {
            due = due.plusYears(1);
        }
        return due;
    }
}
