package se.coop.query.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * An agreement's raw event stream exactly as stored: the rows of the event store, payload and metadata as the JSON
 * they were written as (or as text, should a row no longer be JSON), and the timestamp string as stored.
 */
@Component
public class EventLog {

    /** One stored event. {@code type} is the payload type's simple name; {@code payloadType} the stored one. */
    public record StoredEvent(
            long sequence,
            long position,
            String eventId,
            String type,
            String payloadType,
            String revision,
            String recordedAt,
            JsonNode payload,
            JsonNode metadata) {}

    /** The stream of one agreement, oldest first. */
    public record Stream(String agreementId, List<StoredEvent> events) {}

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

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
                    return new StoredEvent(
                            rs.getLong("sequence_number"),
                            rs.getLong("global_index"),
                            rs.getString("event_identifier"),
                            payloadType.substring(payloadType.lastIndexOf('.') + 1),
                            payloadType,
                            rs.getString("payload_revision"),
                            rs.getString("time_stamp"),
                            tree(rs.getBytes("payload")),
                            tree(rs.getBytes("meta_data")));
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
