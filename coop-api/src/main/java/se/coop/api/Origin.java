package se.coop.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Who caused a command, and so its events, as every event's metadata records it (docs/domain.md, Events and the hash
 * chain): the acting user and role, the party acted for (or null), the request's {@code Idempotency-Key} (or null), its
 * correlation id, and the parties the acting user belongs to ({@code actorParties}, ids separated by commas; null for a
 * user of no party, and in events written before users belonged to parties). Timers act as Coop itself
 * ({@link #COOP}). The keys are stored with every event: they never change.
 */
public record Origin(
        String actor, String role, String partyId, String idempotencyKey, String correlationId, String actorParties) {

    public static final String ACTOR = "actor";
    public static final String ROLE = "role";
    public static final String PARTY_ID = "partyId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String CORRELATION_ID = "correlationId";
    public static final String ACTOR_PARTIES = "actorParties";

    /** The authority naming a party a signed-in user belongs to: {@code PARTY_<partyId>}. */
    public static final String PARTY_AUTHORITY = "PARTY_";

    /** The keys a command hands on to the events it causes (the correlation id is handed on from every message). */
    public static final List<String> HANDED_ON = List.of(ACTOR, ROLE, PARTY_ID, IDEMPOTENCY_KEY, ACTOR_PARTIES);

    /** The actor and role of what Coop does by itself: a timer that fires, a reminder it issues. */
    public static final MetaData COOP = MetaData.with(ACTOR, "coop").and(ROLE, "SYSTEM");

    /** As a message's metadata; what is null is left out. */
    public MetaData toMetaData() {
        Map<String, Object> values = new HashMap<>();
        put(values, ACTOR, actor);
        put(values, ROLE, role);
        put(values, PARTY_ID, partyId);
        put(values, IDEMPOTENCY_KEY, idempotencyKey);
        put(values, CORRELATION_ID, correlationId);
        put(values, ACTOR_PARTIES, actorParties);
        return MetaData.from(values);
    }

    /** The origin a message's metadata records (its values as text; what it lacks is null). */
    public static Origin of(Map<String, ?> metaData) {
        return new Origin(
                text(metaData, ACTOR),
                text(metaData, ROLE),
                text(metaData, PARTY_ID),
                text(metaData, IDEMPOTENCY_KEY),
                text(metaData, CORRELATION_ID),
                text(metaData, ACTOR_PARTIES));
    }

    /**
     * The parties a user belongs to, from the names of their authorities ({@link #PARTY_AUTHORITY}), sorted; empty
     * for a user of no party.
     */
    public static List<String> partiesOf(java.util.Collection<String> authorities) {
        return authorities.stream()
                .filter(a -> a.startsWith(PARTY_AUTHORITY))
                .map(a -> a.substring(PARTY_AUTHORITY.length()))
                .distinct()
                .sorted()
                .toList();
    }

    /** The parties of {@link #actorParties} as a list (empty when none are recorded). */
    public List<String> actorPartyIds() {
        return actorParties == null || actorParties.isBlank() ? List.of() : List.of(actorParties.split(","));
    }

    private static void put(Map<String, Object> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static String text(Map<String, ?> metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
