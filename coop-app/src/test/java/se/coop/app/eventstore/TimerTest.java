package se.coop.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.coop.app.support.Bodies.TEXT_V1;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.coop.api.BusinessTime;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.TestClock;
import se.coop.query.audit.ChainVerifier;
import tools.jackson.databind.JsonNode;

/**
 * Time-driven changes run on durable timers in PostgreSQL: an agreement that waits for legal force enters into force
 * when the last appeal window has passed, recorded by Coop itself and chained like every other event.
 */
class TimerTest extends IntegrationTest {

    @Autowired
    Scheduler scheduler;

    @Autowired
    ChainVerifier verifier;

    @Test
    void anAgreementWaitingForLegalForceEntersIntoForceWhenTheAppealWindowHasPassed() {
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.halmstadDraft());
        draft.put("parties", ((java.util.List<?>) draft.get("parties")).subList(0, 2));
        draft.put("term", Map.of("untilFurtherNotice", true, "waitForLegalForce", true));
        String id = api.as("secretariat")
                .post("/api/v1/agreements", draft)
                .json()
                .get("agreementId")
                .asString();
        api.as("secretariat").post("/api/v1/agreements/" + id + "/submission", "{}");

        LocalDate today = BusinessTime.today(TestClock.INSTANCE);
        LocalDate decided = today.minusDays(3);
        LocalDate posted = today.minusDays(1);
        for (String party : new String[] {"halmstad", "laholm"}) {
            api.as("secretariat")
                    .post(
                            "/api/v1/agreements/" + id + "/signatures",
                            Bodies.signature(party, TEXT_V1, decided.toString()));
            Map<String, Object> adoption = new LinkedHashMap<>(Bodies.adoption(party, TEXT_V1, decided.toString()));
            adoption.put("minutesPostedOn", posted.toString());
            Api.Answer adopted = api.as("secretariat").post("/api/v1/agreements/" + id + "/board-decisions", adoption);
            assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        }
        assertThat(eventsOf(id))
                .as("all approvals in, but the appeal windows are open")
                .isEqualTo(6);

        TestClock.INSTANCE.advance(Duration.ofDays(30));
        scheduler.triggerCheckForDueExecutions();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsOf(id)).isEqualTo(7));
        Map<String, Object> last = jdbc.queryForMap(
                "SELECT payload_type, convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 6",
                id);
        assertThat(last.get("payload_type")).isEqualTo("se.coop.api.event.AgreementEnteredIntoForce");
        JsonNode meta = Api.JSON.readTree((String) last.get("meta"));
        assertThat(meta.get("actor").asString()).isEqualTo("coop");
        assertThat(meta.get("role").asString()).isEqualTo("SYSTEM");
        LocalDate effectiveFrom = LocalDate.parse(Api.JSON
                .readTree((String) last.get("payload"))
                .get("effectiveFrom")
                .asString());
        assertThat(effectiveFrom)
                .as("the day after the last day to appeal")
                .isAfter(posted.plusDays(21))
                .isBeforeOrEqualTo(BusinessTime.today(TestClock.INSTANCE));
        assertThat(verifier.verify(id).intact()).isTrue();
    }
}
