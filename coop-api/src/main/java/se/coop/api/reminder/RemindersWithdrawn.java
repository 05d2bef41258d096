package se.coop.api.reminder;

import java.util.List;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;

/** The reminders of a plan not yet issued were withdrawn. */
@Revision("1")
public record RemindersWithdrawn(
        ReminderPlanId planId, AgreementId agreementId, List<Integer> pendingOffsetsDays, String reason)
        implements ReminderEvent {}
