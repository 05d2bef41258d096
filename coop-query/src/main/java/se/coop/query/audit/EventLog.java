package se.coop.query.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.EventChain;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * An agreement's raw event stream exactly as stored: the rows of the event store with their payload and metadata bytes
 * verbatim (base64 in JSON), from which — with the timestamp string as stored, the payload type, its revision and
 * the sequence — anyone can recompute the hash chain; beside them a parsed view of the same JSON for reading (numbers
 * exactly as written), or the text, should a row no longer be JSON.
 */
@Component
public class EventLog {

    /**
     * One stored event. {@code type} is the payload type's simple name, {@code payloadType} the stored one;
     * {@code recordedAt} the timestamp exactly as stored; {@code payloadBytes} and {@code metadataBytes} the stored
     * bytes; {@code chainHash} the hash the metadata holds.
     */
    public record StoredEvent(
            long sequence,
            long position,
            String eventId,
            String type,
            String payloadType,
            String revision,
            String recordedAt,
            String chainHash,
            byte[] payloadBytes,
            byte[] metadataBytes,
            JsonNode payload,
            JsonNode metadata) {}

    /** The stream of one agreement, oldest first. */
    public record Stream(String agreementId, List<StoredEvent> events) {}

    private final JdbcTemplate jdbc;
    /** Reads numbers exactly as written (100.50 stays 100.50; no float rounding). */
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    public EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Stream read(String agreementId) {
        List<StoredEvent> events = jdbc.query(
                "SELECT sequence_number, global_index, event_identifier, payload_type, payload_revision, time_stamp,"
                        + " payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number",
                (rs, row) -> {
                    String payloadType = rs.getString("payload_type");
                    byte[] payload = rs.getBytes("payload");
                    byte[] metadata = rs.getBytes("meta_data");
                    JsonNode parsedMetadata = tree(metadata);
                    JsonNode hash = parsedMetadata == null ? null : parsedMetadata.get(EventChain.HASH_KEY);
                    return new StoredEvent(
                            rs.getLong("sequence_number"),
                            rs.getLong("global_index"),
                            rs.getString("event_identifier"),
                            payloadType.substring(payloadType.lastIndexOf('.') + 1),
                            payloadType,
                            rs.getString("payload_revision"),
                            rs.getString("time_stamp"),
                            hash == null || !hash.isString() ? null : hash.asString(),
                            payload,
                            metadata,
                            tree(payload),
                            parsedMetadata);
                },
                agreementId);
        return new Stream(agreementId, events);
    }

    private JsonNode tree(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (JacksonException e) {
            return StringNode.valueOf(new String(stored, StandardCharsets.UTF_8));
        }
    }
}
