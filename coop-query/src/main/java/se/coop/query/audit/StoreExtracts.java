package se.coop.query.audit;

import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.proof.Checkpoint;
import se.coop.query.QueryNode;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full store extract for a checkpoint (docs/audit.md): everything an auditor needs to check, offline and alone
 * ({@code coop-verify --extract}), that the store still holds what the checkpoint covered. JSON Lines, written as the
 * database sends the rows (one fetch at a time, never the whole store in memory):
 *
 * <ol>
 *   <li>{@code {"format":"coop-store-extract/1","extractId":…,"extractedAt":…,"extractedBy":…,"checkpoint":{…},"keys":[…]}}
 *   <li>for each stream the checkpoint covered, in its leaves' order: {@code {"stream":{"leafIndex","aggregateId",
 *       "sequence","chainHash"}}} as Coop kept the leaf, then that stream's events up to the sequence covered, exactly
 *       as stored: {@code {"event":{"aggregateId","sequence","eventId","payloadType","revision","recordedAt",
 *       "payloadBytes","metadataBytes"}}} (bytes in base64) — none, for a stream deleted whole;
 *   <li>{@code {"end":{"streams":…,"events":…}}}, so that a download cut short is seen to be.
 * </ol>
 *
 * It holds what the store holds: events written before the contact register keep the addresses they hold (decision
 * 0007). Each download is recorded ({@code store_extract}).
 */
@QueryNode
@Component
public class StoreExtracts {

    public static final String FORMAT = "coop-store-extract/1";
    private static final int FETCH = 500;
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final CheckpointLog checkpoints;
    private final Clock clock;
    private final TransactionTemplate cursor;
    private final JsonMapper json = JsonMapper.builder().build();

    StoreExtracts(JdbcTemplate jdbc, CheckpointLog checkpoints, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.cursor = new TransactionTemplate(transactions);
        this.cursor.setReadOnly(true);
    }

    /** Writes the extract of {@code checkpoint} to {@code out}, recorded as made by {@code extractedBy}. */
    public void write(Checkpoint checkpoint, String extractedBy, OutputStream out) {
        UUID extractId = UUID.randomUUID();
        UUID checkpointId = UUID.fromString(checkpoint.checkpointId());
        Timestamp started = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO store_extract (extract_id, checkpoint_id, extracted_by, started_at) VALUES (?, ?, ?, ?)",
                extractId,
                checkpointId,
                extractedBy,
                started);
        long[] counted = new long[2];
        try (JsonGenerator lines = json.createGenerator(out)) {
            lines.writeStartObject();
            lines.writeStringProperty("format", FORMAT);
            lines.writeStringProperty("extractId", extractId.toString());
            lines.writeStringProperty("extractedAt", started.toInstant().toString());
            lines.writeStringProperty("extractedBy", extractedBy);
            lines.writePOJOProperty("checkpoint", checkpoint);
            lines.writePOJOProperty("keys", checkpoints.keys());
            lines.writeEndObject();
            lines.writeRaw('\n');
            int[] leaf = {-1};
            cursor.executeWithoutResult(status -> jdbc.query(
                    connection -> {
                        PreparedStatement select = connection.prepareStatement(
                                "SELECT s.leaf_index, s.aggregate_id, s.sequence_number, s.chain_hash,"
                                        + " e.sequence_number, e.event_identifier, e.payload_type, e.payload_revision,"
                                        + " e.time_stamp, e.payload, e.meta_data FROM checkpoint_stream s"
                                        + " LEFT JOIN domain_event_entry e ON e.aggregate_identifier = s.aggregate_id"
                                        + " AND e.sequence_number <= s.sequence_number WHERE s.checkpoint_id = ?"
                                        + " ORDER BY s.leaf_index, e.sequence_number");
                        select.setObject(1, checkpointId);
                        select.setFetchSize(FETCH);
                        return select;
                    },
                    (ResultSet row) -> {
                        line(lines, row, leaf, counted);
                    }));
            lines.writeStartObject();
            lines.writeObjectPropertyStart("end");
            lines.writeNumberProperty("streams", counted[0]);
            lines.writeNumberProperty("events", counted[1]);
            lines.writeEndObject();
            lines.writeEndObject();
            lines.writeRaw('\n');
        }
        jdbc.update(
                "UPDATE store_extract SET finished_at = ?, streams = ?, events = ? WHERE extract_id = ?",
                Timestamp.from(clock.instant()),
                counted[0],
                counted[1],
                extractId);
    }

    private static void line(JsonGenerator lines, ResultSet row, int[] leaf, long[] counted) throws SQLException {
        int index = row.getInt(1);
        String aggregateId = row.getString(2);
        if (index != leaf[0]) {
            leaf[0] = index;
            counted[0]++;
            lines.writeStartObject();
            lines.writeObjectPropertyStart("stream");
            lines.writeNumberProperty("leafIndex", index);
            lines.writeStringProperty("aggregateId", aggregateId);
            lines.writeNumberProperty("sequence", row.getLong(3));
            lines.writeStringProperty("chainHash", HEX.formatHex(row.getBytes(4)));
            lines.writeEndObject();
            lines.writeEndObject();
            lines.writeRaw('\n');
        }
        long sequence = row.getLong(5);
        if (row.wasNull()) {
            return;
        }
        counted[1]++;
        lines.writeStartObject();
        lines.writeObjectPropertyStart("event");
        lines.writeStringProperty("aggregateId", aggregateId);
        lines.writeNumberProperty("sequence", sequence);
        lines.writeStringProperty("eventId", row.getString(6));
        lines.writeStringProperty("payloadType", row.getString(7));
        lines.writeStringProperty("revision", row.getString(8));
        lines.writeStringProperty("recordedAt", row.getString(9));
        lines.writeStringProperty("payloadBytes", base64(row.getBytes(10)));
        lines.writeStringProperty("metadataBytes", base64(row.getBytes(11)));
        lines.writeEndObject();
        lines.writeEndObject();
        lines.writeRaw('\n');
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }
}
