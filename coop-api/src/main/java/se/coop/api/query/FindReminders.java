package se.coop.api.query;

import java.time.Instant;

/** Reminders issued since an instant, optionally to one recipient (by e-mail); newest first. */
public record FindReminders(String reviewer, Instant since) {}
