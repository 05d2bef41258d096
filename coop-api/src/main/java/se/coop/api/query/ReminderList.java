package se.coop.api.query;

import java.util.List;

/** Reminders issued, newest first. */
public record ReminderList(List<ReminderView> reminders) {}
