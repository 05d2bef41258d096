package se.coop.api.reminder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.contact.ContactId;

/**
 * Has a plan refer by contact to the recipients its events name by address ({@code email}: events written before the
 * contact register), so that a correction or an erasure of that contact reaches the reminders still to come. Sent by
 * the contact register; a plan with no such recipient changes nothing.
 */
public record ReferRecipient(@TargetAggregateIdentifier ReminderPlanId planId, String email, ContactId contactId) {}
