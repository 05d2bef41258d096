package se.coop.api.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import se.coop.api.LocalizedText;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewKind;
import se.coop.api.Reviewer;

/**
 * A meeting of an agreement: scheduled (with {@code startsAt}), held (with {@code heldOn} and its outcome) or
 * cancelled, with the reminders issued for it and, while it is scheduled, those still to go out for its time.
 * {@code revision} rises with every change, for calendar clients;
 * {@code timeZone} is the agreement's (Europe/Copenhagen when a Danish party leads, else Europe/Stockholm).
 */
public record ReviewView(
        String agreementId,
        LocalizedText agreementTitle,
        String reviewId,
        ReviewKind kind,
        String title,
        OffsetDateTime startsAt,
        LocalDate heldOn,
        String location,
        List<Reviewer> reviewers,
        String status,
        String outcomeSummary,
        ReviewDecision outcomeDecision,
        int revision,
        String timeZone,
        List<Integer> reminderOffsetsDays,
        List<ReminderView> reminders,
        List<PlannedReminder> plannedReminders) {}
