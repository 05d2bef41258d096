package se.coop.app.support;

import java.util.Base64;
import java.util.Map;
import se.coop.api.EventChain;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** What an auditor does with {@code /events} outside Coop: recompute the hash chain from the answer alone. */
public final class RawEvents {

    private RawEvents() {}

    /**
     * The head hash recomputed from the stored bytes the answer gives; fails if any event's chain hash differs from
     * what its bytes give.
     */
    public static String recomputeChain(JsonNode stream) {
        String aggregateId = stream.get("agreementId").asString();
        String previous = EventChain.GENESIS;
        for (JsonNode event : stream.get("events")) {
            byte[] payload =
                    Base64.getDecoder().decode(event.get("payloadBytes").asString());
            byte[] metadata =
                    Base64.getDecoder().decode(event.get("metadataBytes").asString());
            Map<String, Object> fields = Api.JSON.readValue(metadata, new TypeReference<Map<String, Object>>() {});
            String computed = EventChain.link(
                    previous,
                    aggregateId,
                    event.get("sequence").asLong(),
                    event.get("payloadType").asString(),
                    event.get("revision").asString(),
                    event.get("recordedAt").asString(),
                    payload,
                    EventChain.metadataWithoutHash(fields));
            if (!computed.equals(event.get("chainHash").asString())) {
                throw new AssertionError("event " + event.get("sequence") + " of " + aggregateId + ": recomputed "
                        + computed + ", stored " + event.get("chainHash"));
            }
            previous = computed;
        }
        return previous;
    }
}
