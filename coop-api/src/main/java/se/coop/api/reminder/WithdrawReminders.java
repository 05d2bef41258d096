package se.coop.api.reminder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws the reminders of a plan not issued yet: the meeting was cancelled or held, the agreement ended. */
public record WithdrawReminders(@TargetAggregateIdentifier ReminderPlanId planId, String reason) {}
