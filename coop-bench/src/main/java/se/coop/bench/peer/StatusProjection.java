package se.coop.bench.peer;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The one read model: a status row per agreement, written by one tracking processor. */
@Component
@ProcessingGroup("status")
class StatusProjection {

    private final JdbcTemplate jdbc;

    StatusProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Agreement.Drafted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update(
                "INSERT INTO agreement_status (agreement_id, title, state, parties, version, updated_at)"
                        + " VALUES (?, ?, 'DRAFT', ?, ?, ?) ON CONFLICT (agreement_id) DO NOTHING",
                event.agreementId(),
                event.title(),
                event.parties().toArray(String[]::new),
                sequence,
                java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(Agreement.Submitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moved(event.agreementId(), "SUBMITTED", sequence, at);
    }

    @EventHandler
    void on(Agreement.EnteredIntoForce event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moved(event.agreementId(), "IN_FORCE", sequence, at);
    }

    @EventHandler
    void on(Agreement.Signed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moved(event.agreementId(), null, sequence, at);
    }

    @EventHandler
    void on(Agreement.Adopted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moved(event.agreementId(), null, sequence, at);
    }

    @EventHandler
    void on(Agreement.ReviewScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moved(event.agreementId(), null, sequence, at);
    }

    private void moved(String agreementId, String state, long sequence, Instant at) {
        jdbc.update(
                "UPDATE agreement_status SET state = coalesce(?, state), version = ?, updated_at = ?"
                        + " WHERE agreement_id = ? AND version < ?",
                state,
                sequence,
                java.sql.Timestamp.from(at),
                agreementId,
                sequence);
    }
}
