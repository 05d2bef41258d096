package se.coop.query.audit;

import java.util.Arrays;
import java.util.HashMap;
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
        var state = new Object() {
            String previous = EventChain.GENESIS;
            long expected = 0;
            long count = 0;
            Long brokenAt = null;
        };
        jdbc.query(
                "SELECT sequence_number, payload_type, payload_revision, time_stamp, payload, meta_data"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                row -> {
                    state.count++;
                    if (state.brokenAt != null) {
                        return;
                    }
                    long sequence = row.getLong("sequence_number");
                    byte[] stored = row.getBytes("meta_data");
                    Map<String, Object> metaData = parse(stored);
                    String hash = String.valueOf(metaData.get(EventChain.HASH_KEY));
                    boolean canonical = Arrays.equals(stored, EventChain.metadataWithHash(metaData, hash));
                    String computed = EventChain.link(
                            state.previous,
                            aggregateId,
                            sequence,
                            row.getString("payload_type"),
                            row.getString("payload_revision"),
                            row.getString("time_stamp"),
                            row.getBytes("payload"),
                            EventChain.metadataWithoutHash(metaData));
                    if (sequence != state.expected || !canonical || !computed.equals(hash)) {
                        state.brokenAt = Math.min(sequence, state.expected);
                        return;
                    }
                    state.previous = hash;
                    state.expected++;
                },
                aggregateId);
        return new ChainVerification(
                aggregateId,
                state.brokenAt == null,
                state.count,
                state.brokenAt,
                state.brokenAt == null ? state.previous : null);
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
