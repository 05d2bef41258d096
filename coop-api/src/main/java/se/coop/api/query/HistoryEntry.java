package se.coop.api.query;

import java.time.Instant;
import java.util.List;

/**
 * One decision in an agreement's history, in plain words, with who recorded it and its reference: {@code partyId} is the
 * party it was recorded for (or null), {@code actorParties} the parties the recording user belongs to (empty for a user
 * of no party, for Coop's own timers and for entries recorded before users belonged to parties) — so that the history
 * says when a secretariat recorded on another party's behalf ({@link #onBehalf}).
 */
public record HistoryEntry(
        long position,
        Instant recordedAt,
        String type,
        String summary,
        String actor,
        String role,
        String partyId,
        String reference,
        List<String> actorParties) {

    public HistoryEntry {
        actorParties = actorParties == null ? List.of() : List.copyOf(actorParties);
    }

    /** Whether it was recorded for a party by a user who belongs to parties, none of them that one. */
    public boolean onBehalf() {
        return partyId != null && !actorParties.isEmpty() && !actorParties.contains(partyId);
    }
}
