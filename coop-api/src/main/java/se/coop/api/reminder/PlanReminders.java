package se.coop.api.reminder;

import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.Participant;
import se.coop.api.ReviewId;

/**
 * Plans (or re-plans) the reminders for something due at {@code dueAt}: one at each offset before it, to the
 * recipients. Re-planning moves the reminders not yet issued; {@code yearly} plans the next year's when one is due.
 */
public record PlanReminders(
        @TargetAggregateIdentifier ReminderPlanId planId,
        AgreementId agreementId,
        ReviewId reviewId,
        ReminderSubject subject,
        OffsetDateTime dueAt,
        String location,
        String title,
        List<Participant> recipients,
        List<Integer> offsetsDays,
        boolean yearly) {

    /** The same command with its recipients as given (the contact register refers them by contact). */
    public PlanReminders withRecipients(List<Participant> referred) {
        return new PlanReminders(
                planId, agreementId, reviewId, subject, dueAt, location, title, referred, offsetsDays, yearly);
    }
}
