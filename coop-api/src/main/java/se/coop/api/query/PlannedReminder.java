package se.coop.api.query;

import java.time.Instant;

/** A reminder of a meeting still to go out: {@code offsetDays} before the meeting, at {@code at}. */
public record PlannedReminder(int offsetDays, Instant at) {}
