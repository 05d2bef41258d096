package se.coop.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;

/**
 * Positions in the read models are the events' own, also for an event whose transaction committed after a later one:
 * the processors then see it as a filled gap, and their tracking token stays at the higher position.
 */
class PositionTest extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void anEventCommittedAfterALaterOneKeepsItsOwnPosition() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String template = secretariat.draft(Bodies.twoPartyDraft());
        String late = UUID.randomUUID().toString();
        long latePosition;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement copy = slow.prepareStatement(
                    "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,"
                            + " meta_data, payload, payload_revision, payload_type, time_stamp)"
                            + " SELECT ?, 0, type, ?, meta_data,"
                            + " convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8'),"
                            + " payload_revision, payload_type, time_stamp"
                            + " FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0"
                            + " RETURNING global_index")) {
                copy.setString(1, late);
                copy.setString(2, UUID.randomUUID().toString());
                copy.setString(3, template);
                copy.setString(4, late);
                copy.setString(5, template);
                try (var rows = copy.executeQuery()) {
                    rows.next();
                    latePosition = rows.getLong(1);
                }
            }
            String early = secretariat.draft(Bodies.twoPartyDraft());
            assertThat(secretariat
                            .read("auditor", "/api/v1/agreements/" + early)
                            .status())
                    .isEqualTo(200);
            assertThat(secretariat.position()).isGreaterThan(latePosition);
            slow.commit();
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT position FROM history_entry WHERE agreement_id = ?", Long.class, late))
                        .containsExactly(latePosition));
        assertThat(jdbc.queryForObject(
                        "SELECT created_position FROM agreement_status WHERE agreement_id = ?", Long.class, late))
                .isEqualTo(latePosition);
    }
}
