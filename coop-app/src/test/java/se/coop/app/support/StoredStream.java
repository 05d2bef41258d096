package se.coop.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of one agreement's stream as stored, kept so a test that tampers with them (to prove the hash chain
 * notices) can put them back: no later test, and no rebuild, meets its forgeries.
 */
public final class StoredStream {

    private final JdbcTemplate jdbc;
    private final String aggregateId;
    private final List<Map<String, Object>> rows;

    private StoredStream(JdbcTemplate jdbc, String aggregateId) {
        this.jdbc = jdbc;
        this.aggregateId = aggregateId;
        this.rows = jdbc.queryForList("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ?", aggregateId);
    }

    /**
     * Keeps the stream's rows once the read models have processed all of them, so the tampering that follows never
     * pulls an event from under a processor that is still on its way to it.
     */
    public static StoredStream keep(JdbcTemplate jdbc, String aggregateId) {
        StoredStream stream = new StoredStream(jdbc, aggregateId);
        long events = stream.rows.size();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(jdbc.queryForList(
                            "SELECT version FROM agreement_status WHERE agreement_id = ?", Long.class, aggregateId))
                    .containsExactly(events);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM history_entry WHERE agreement_id = ?", Long.class, aggregateId))
                    .isGreaterThanOrEqualTo(events);
        });
        return stream;
    }

    /**
     * Puts the rows back in one transaction: a processor still working through the stream sees it either tampered
     * or whole, never missing (an event it cannot find would be parked as a dead letter).
     */
    public void restore() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM domain_event_entry WHERE aggregate_identifier = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number,"
                                    + " type, event_identifier, meta_data, payload, payload_revision, payload_type,"
                                    + " time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, aggregateId);
                delete.executeUpdate();
                for (Map<String, Object> row : rows) {
                    int column = 1;
                    for (String name : List.of(
                            "global_index",
                            "aggregate_identifier",
                            "sequence_number",
                            "type",
                            "event_identifier",
                            "meta_data",
                            "payload",
                            "payload_revision",
                            "payload_type",
                            "time_stamp")) {
                        insert.setObject(column++, row.get(name));
                    }
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }
}
