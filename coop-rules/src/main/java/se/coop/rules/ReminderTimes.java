package se.coop.rules;

import java.time.Instant;
import java.time.OffsetDateTime;
import se.coop.api.BusinessTime;

/**
 * When reminders go out (docs/domain.md, Reminders): each offset is that many days before the meeting, counted in
 * business time (Europe/Stockholm), at the meeting's time of day. Which of them is issued when is the reminder
 * plan's (only the nearest of those already passed, at once).
 */
public final class ReminderTimes {

    private ReminderTimes() {}

    public static Instant dueAt(OffsetDateTime meeting, int offsetDays) {
        return meeting.atZoneSameInstant(BusinessTime.ZONE)
                .minusDays(offsetDays)
                .toInstant();
    }

    /**
     * A reminder's identity: its plan, its offset and the time it was for — a meeting moved is reminded afresh — and,
     * when a plan comes back to a time it had before, which time it came back ({@code round} 2, 3, …): reminded afresh
     * again, under another identity.
     */
    public static String reminderId(String planId, int offsetDays, OffsetDateTime dueAt, int round) {
        return planId + ":" + offsetDays + ":" + dueAt.toInstant() + (round > 1 ? "/" + round : "");
    }
}
