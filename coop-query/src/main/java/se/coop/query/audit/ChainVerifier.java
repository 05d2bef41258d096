package se.coop.query.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.EventChain;

/**
 * Recomputes a stream's hash chain from the rows as stored, with the same canonical form the writer used
 * ({@link EventChain}). An edited payload or metadata, an inserted, deleted or reordered event breaks it; metadata
 * that is not byte for byte in canonical form breaks it too.
 */
@Component
public class ChainVerifier {

    private final JdbcTemplate jdbc;

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

    /** One pass over a stream, oldest first ({@link EventChain.Pass}, the rule the offline verifier keeps too). */
    public static final class Check {
        private final String aggregateId;
        private final EventChain.Pass pass;

        Check(String aggregateId) {
            this.aggregateId = aggregateId;
            this.pass = new EventChain.Pass(aggregateId);
        }

        public void next(
                long sequence, String payloadType, String revision, String timestamp, byte[] payload, byte[] stored) {
            pass.next(sequence, payloadType, revision, timestamp, payload, stored);
        }

        public ChainVerification result() {
            return new ChainVerification(
                    aggregateId, pass.intact(), pass.events(), pass.brokenAt(), pass.intact() ? pass.head() : null);
        }
    }
}
