package se.coop.api.reminder;

import se.coop.api.AgreementId;

/** The events of a reminder plan's stream. */
public sealed interface ReminderEvent
        permits RemindersPlanned, ReviewReminderIssued, RemindersWithdrawn, RecipientsReferred {

    ReminderPlanId planId();

    AgreementId agreementId();
}
