package se.coop.command.reminders;

import java.time.OffsetDateTime;

/** Deadline payload: a yearly plan's due date has come, so next year's reminders are planned. */
public record ReminderCycleEnds(OffsetDateTime dueAt) {}
