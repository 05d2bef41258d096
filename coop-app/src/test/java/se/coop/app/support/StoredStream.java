package se.coop.app.support;

import java.util.List;
import java.util.Map;
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

    public static StoredStream keep(JdbcTemplate jdbc, String aggregateId) {
        return new StoredStream(jdbc, aggregateId);
    }

    public void restore() {
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", aggregateId);
        for (Map<String, Object> row : rows) {
            jdbc.update(
                    "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                            + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("global_index"),
                    row.get("aggregate_identifier"),
                    row.get("sequence_number"),
                    row.get("type"),
                    row.get("event_identifier"),
                    row.get("meta_data"),
                    row.get("payload"),
                    row.get("payload_revision"),
                    row.get("payload_type"),
                    row.get("time_stamp"));
        }
    }
}
