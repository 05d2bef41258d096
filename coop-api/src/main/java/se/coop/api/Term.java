package se.coop.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;

/**
 * How long an agreement runs: from a start date to a fixed end date, or until further notice with a notice period.
 * {@code waitForLegalForce} says whether entry into force waits until Swedish adoptions have become legally final
 * (rule 12).
 */
public record Term(
        LocalDate startsOn,
        LocalDate endsOn,
        @NotNull Boolean untilFurtherNotice,
        @PositiveOrZero @Max(120) Integer noticePeriodMonths,
        Boolean waitForLegalForce) {

    public Term {
        waitForLegalForce = Boolean.TRUE.equals(waitForLegalForce);
        if (Boolean.TRUE.equals(untilFurtherNotice) && endsOn != null) {
            throw new IllegalArgumentException("an agreement in force until further notice has no endsOn");
        }
        if (Boolean.FALSE.equals(untilFurtherNotice) && endsOn == null) {
            throw new IllegalArgumentException("a fixed-term agreement needs endsOn (or untilFurtherNotice: true)");
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("endsOn lies before startsOn");
        }
    }

    public boolean waitsForLegalForce() {
        return Boolean.TRUE.equals(waitForLegalForce);
    }

    public int noticeMonths() {
        return noticePeriodMonths == null ? 0 : noticePeriodMonths;
    }
}
