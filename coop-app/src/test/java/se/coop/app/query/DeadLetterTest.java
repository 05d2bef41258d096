package se.coop.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import tools.jackson.databind.JsonNode;

/** One event a read model cannot process is parked in its dead-letter queue; the events after it still arrive. */
class DeadLetterTest extends IntegrationTest {

    private final String poisoned = UUID.randomUUID().toString();

    /** The poison is this test's own: no later test, and no rebuild, meets it. */
    @AfterEach
    void removeThePoison() {
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", poisoned);
        jdbc.update("DELETE FROM dead_letter_entry WHERE sequence_identifier = ?", poisoned);
    }

    @Test
    void aPoisonEventLandsInTheDeadLetterQueueWhileLaterEventsStillArrive() {
        long parkedBefore = deadLetters("status");
        jdbc.update(
                "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,"
                        + " meta_data, payload, payload_revision, payload_type, time_stamp)"
                        + " VALUES (?, 0, 'Agreement', ?, ?, ?, '1', 'se.coop.api.event.DocumentAttached', ?)",
                poisoned,
                UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8),
                ("{\"agreementId\":\"" + poisoned + "\",\"size\":\"a lot\"}").getBytes(StandardCharsets.UTF_8),
                "2026-03-02T09:00:00Z");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(deadLetters("status")).isGreaterThan(parkedBefore));

        Secretariat secretariat = new Secretariat(api);
        String later = secretariat.draft(Bodies.twoPartyDraft());
        assertThat(secretariat.read("auditor", "/api/v1/agreements/" + later).status())
                .isEqualTo(200);

        JsonNode status = null;
        for (JsonNode projection :
                secretariat.read("operator", "/api/v1/admin/projections").json().get("projections")) {
            if (projection.get("name").asString().equals("status")) {
                status = projection;
            }
        }
        assertThat(status.get("deadLetters").asLong()).isGreaterThan(parkedBefore);
        assertThat(status.get("lastDeadLetterCause").asString()).isNotBlank();
        assertThat(status.get("lag").asLong())
                .as("the read model went on past the poison")
                .isZero();
    }

    private long deadLetters(String processingGroup) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class, processingGroup);
    }
}
