package se.coop.query.audit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.EventChain;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes a stream's hash chain from the rows as stored, with the same canonical form the writer used
 * ({@link EventChain}). An edited payload or metadata, an inserted, deleted or reordered event breaks it; metadata
 * that is not byte for byte in canonical form breaks it too.
 */
@Component
public class ChainVerifier {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public ChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ChainVerification verify(String aggregateId) {
        Check check = new Check(aggregateId);
        jdbc.query(
                "SELECT sequence_number, payload_type, payload_revision, time_stamp, payload, meta_data"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                row -> {
                    check.next(
                            row.getLong("sequence_number"),
                            row.getString("payload_type"),
                            row.getString("payload_revision"),
                            row.getString("time_stamp"),
                            row.getBytes("payload"),
                            row.getBytes("meta_data"));
                },
                aggregateId);
        return check.result();
    }

    /** The same check over events already read ({@link EventLog}), so a dossier's proof is of the events it lists. */
    public ChainVerification verify(String aggregateId, List<EventLog.StoredEvent> events) {
        Check check = new Check(aggregateId);
        for (EventLog.StoredEvent event : events) {
            check.next(
                    event.sequence(),
                    event.payloadType(),
                    event.revision(),
                    event.recordedAt(),
                    event.payloadBytes(),
                    event.metadataBytes());
        }
        return check.result();
    }

    /** A check of {@code aggregateId}'s chain over rows read elsewhere, handed to it oldest first. */
    public Check check(String aggregateId) {
        return new Check(aggregateId);
    }

    /** One pass over a stream, oldest first. */
    public final class Check {
        private final String aggregateId;
        private String previous = EventChain.GENESIS;
        private long expected = 0;
        private long count = 0;
        private Long brokenAt = null;

        Check(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        public void next(
                long sequence, String payloadType, String revision, String timestamp, byte[] payload, byte[] stored) {
            count++;
            if (brokenAt != null) {
                return;
            }
            Map<String, Object> metaData = parse(stored);
            String hash = String.valueOf(metaData.get(EventChain.HASH_KEY));
            boolean canonical = Arrays.equals(stored, EventChain.metadataWithHash(metaData, hash));
            String computed = EventChain.link(
                    previous,
                    aggregateId,
                    sequence,
                    payloadType,
                    revision,
                    timestamp,
                    payload,
                    EventChain.metadataWithoutHash(metaData));
            if (sequence != expected || !canonical || !computed.equals(hash)) {
                brokenAt = Math.min(sequence, expected);
                return;
            }
            previous = hash;
            expected++;
        }

        public ChainVerification result() {
            return new ChainVerification(
                    aggregateId, brokenAt == null, count, brokenAt, brokenAt == null ? previous : null);
        }
    }

    private Map<String, Object> parse(byte[] metaData) {
        if (metaData == null) {
            return new HashMap<>();
        }
        try {
            return json.readValue(metaData, MAP);
        } catch (JacksonException e) {
            return new HashMap<>();
        }
    }
}
