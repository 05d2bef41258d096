package se.coop.api.query;

import java.time.Instant;

/** One decision in an agreement's history, in plain words, with who recorded it and its reference. */
public record HistoryEntry(
        long position,
        Instant recordedAt,
        String type,
        String summary,
        String actor,
        String role,
        String partyId,
        String reference) {}
