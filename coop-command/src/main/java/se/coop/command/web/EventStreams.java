package se.coop.command.web;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.AgreementId;
import se.coop.command.agreement.AgreementDirectory;

/** Reads where an agreement's stream stands in the event store (the table Flyway creates for Axon). */
@Component
public class EventStreams implements AgreementDirectory {

    /** The number of events in a stream, and the global position of its last event. */
    public record Head(long version, long position) {}

    private final JdbcTemplate jdbc;

    public EventStreams(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Head> head(AgreementId agreementId) {
        List<Head> heads = jdbc.query(
                "SELECT sequence_number, global_index FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1",
                (rs, row) -> new Head(rs.getLong(1) + 1, rs.getLong(2)),
                agreementId.toString());
        return heads.stream().findFirst();
    }

    @Override
    public boolean exists(AgreementId agreementId) {
        return head(agreementId).isPresent();
    }
}
