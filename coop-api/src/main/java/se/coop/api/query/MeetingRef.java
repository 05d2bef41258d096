package se.coop.api.query;

import java.time.OffsetDateTime;
import se.coop.api.ReviewKind;

/** The next scheduled meeting of an agreement. */
public record MeetingRef(String reviewId, ReviewKind kind, OffsetDateTime startsAt, String location) {}
