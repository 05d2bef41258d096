package se.coop.api.reminder;

import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.Participant;
import se.coop.api.ReviewId;

/** Reminders were planned for something due at {@code dueAt}, at the offsets before it, for the recipients. */
@Revision("1")
public record RemindersPlanned(
        ReminderPlanId planId,
        AgreementId agreementId,
        ReviewId reviewId,
        ReminderSubject subject,
        OffsetDateTime dueAt,
        String location,
        String title,
        List<Participant> recipients,
        List<Integer> offsetsDays,
        boolean yearly)
        implements ReminderEvent {}
