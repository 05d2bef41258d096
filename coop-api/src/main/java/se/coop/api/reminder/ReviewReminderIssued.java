package se.coop.api.reminder;

import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.Participant;
import se.coop.api.ReviewId;

/**
 * A reminder was issued {@code offsetDays} before {@code dueAt} to its recipients: of a meeting, of an overdue
 * review, or of a council report. Delivery (by e-mail, in a daily digest) follows from this event.
 */
@Revision("1")
public record ReviewReminderIssued(
        ReminderPlanId planId,
        String reminderId,
        AgreementId agreementId,
        ReviewId reviewId,
        ReminderSubject subject,
        int offsetDays,
        OffsetDateTime dueAt,
        String location,
        String title,
        List<Participant> recipients)
        implements ReminderEvent {}
