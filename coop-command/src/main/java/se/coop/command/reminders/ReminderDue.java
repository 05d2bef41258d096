package se.coop.command.reminders;

import java.time.OffsetDateTime;

/** Deadline payload: the reminder {@code offsetDays} before {@code dueAt} is due. */
public record ReminderDue(int offsetDays, OffsetDateTime dueAt) {}
