package se.coop.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static se.coop.app.support.Bodies.TEXT_V1;
import static se.coop.app.support.Bodies.TEXT_V2;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * The auditor's two kinds of past: {@code asOf} — what Coop had recorded at an instant — and {@code validOn} — the state
 * on a date by the decisions' own dates. Both fold the stream with the code the status view uses.
 */
class AsOfAndValidOnTest extends IntegrationTest {

    private Secretariat secretariat;

    @BeforeEach
    void driver() {
        secretariat = new Secretariat(api);
    }

    private JsonNode asOf(String id, Instant instant) {
        Api.Answer answer = api.as("auditor").get("/api/v1/agreements/" + id + "?asOf=" + instant);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode party(JsonNode view, String id) {
        for (JsonNode party : view.get("parties")) {
            if (party.get("partyId").asString().equals(id)) {
                return party;
            }
        }
        throw new AssertionError("no party " + id);
    }

    @Test
    void asOfThreeInstantsOfAScenarioWithARejectionAndARevision() {
        Instant drafted = TestClock.INSTANCE.instant();
        String id = secretariat.draft(Bodies.twoPartyDraft());
        TestClock.INSTANCE.advance(Duration.ofHours(1));
        secretariat.submit(id);
        TestClock.INSTANCE.advance(Duration.ofHours(1));
        secretariat.decide(id, "laholm", TEXT_V1, "2025-12-01", "REJECTED");
        Instant rejected = TestClock.INSTANCE.instant();
        TestClock.INSTANCE.advance(Duration.ofHours(1));
        secretariat.command("/api/v1/agreements/" + id + "/revisions", Map.of("text", Bodies.text(TEXT_V2)));
        Instant revised = TestClock.INSTANCE.instant();
        TestClock.INSTANCE.advance(Duration.ofHours(1));

        JsonNode beforeSubmission = asOf(id, drafted.plus(Duration.ofMinutes(30)));
        assertThat(beforeSubmission.get("state").asString()).isEqualTo("DRAFT");
        assertThat(beforeSubmission.get("version").asLong()).isEqualTo(1);
        assertThat(beforeSubmission.get("textVersion").asInt()).isEqualTo(1);

        JsonNode afterRejection = asOf(id, rejected.plus(Duration.ofMinutes(30)));
        assertThat(afterRejection.get("state").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(afterRejection.get("version").asLong()).isEqualTo(3);
        assertThat(party(afterRejection, "laholm")
                        .get("latestDecision")
                        .get("outcome")
                        .asString())
                .isEqualTo("REJECTED");
        assertThat(party(afterRejection, "laholm").get("adopted").asBoolean()).isFalse();

        JsonNode afterRevision = asOf(id, revised.plus(Duration.ofMinutes(30)));
        assertThat(afterRevision.get("state").asString()).isEqualTo("DRAFT");
        assertThat(afterRevision.get("textVersion").asInt()).isEqualTo(2);
        assertThat(afterRevision.get("textSha256").asString()).isEqualTo(TEXT_V2);
        assertThat(party(afterRevision, "laholm").get("latestDecision").isNull())
                .isTrue();

        JsonNode now = secretariat.read("auditor", "/api/v1/agreements/" + id).json();
        assertThat(now).isEqualTo(afterRevision).as("the live read model and the fold agree");

        assertThat(api.as("auditor")
                        .get("/api/v1/agreements/" + id + "?asOf=" + drafted.minusSeconds(60))
                        .status())
                .as("before it was drafted it did not exist")
                .isEqualTo(404);
    }

    @Test
    void validOnADateBetweenTwoBoardDecisions() {
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);
        secretariat.sign(id, "halmstad", TEXT_V1, "2020-01-10");
        secretariat.sign(id, "laholm", TEXT_V1, "2020-01-10");
        secretariat.adopt(id, "halmstad", TEXT_V1, "2020-01-14");
        secretariat.adopt(id, "laholm", TEXT_V1, "2020-01-28");

        JsonNode between = api.as("auditor")
                .get("/api/v1/agreements/" + id + "?validOn=2020-01-20")
                .json();
        assertThat(between.get("state").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(party(between, "halmstad").get("adopted").asBoolean()).isTrue();
        assertThat(party(between, "laholm").get("adopted").asBoolean()).isFalse();
        assertThat(party(between, "laholm").get("signed").asBoolean()).isTrue();

        JsonNode inForce = api.as("auditor")
                .get("/api/v1/agreements/" + id + "?validOn=2020-02-01")
                .json();
        assertThat(inForce.get("state").asString()).isEqualTo("IN_FORCE");
        assertThat(inForce.get("effectiveFrom").asString()).isEqualTo("2020-01-28");
        assertThat(party(inForce, "laholm").get("adopted").asBoolean()).isTrue();

        JsonNode beforeAnyDecision = api.as("auditor")
                .get("/api/v1/agreements/" + id + "?validOn=2019-12-31")
                .json();
        assertThat(beforeAnyDecision.get("parties").get(0).get("signed").asBoolean())
                .isFalse();
    }

    @Test
    void onlyAnAuditorReadsThePastAndNotBothWaysAtOnce() {
        String id = secretariat.draft(Bodies.twoPartyDraft());
        for (String user : new String[] {"secretariat", "reviewer"}) {
            Api.Answer answer = api.as(user).get("/api/v1/agreements/" + id + "?validOn=2020-01-20");
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.json().get("errorCode").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(api.as("auditor")
                        .get("/api/v1/agreements/" + id + "?validOn=2020-01-20&asOf=2026-01-01T00:00:00Z")
                        .status())
                .isEqualTo(400);
        Api.Answer badDate = api.as("auditor").get("/api/v1/agreements/" + id + "?validOn=2020-13-01");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("violations").get(0).get("field").asString())
                .isEqualTo("validOn");
    }
}
