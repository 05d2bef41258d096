package se.coop.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static se.coop.app.support.Bodies.TEXT_V1;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import tools.jackson.databind.JsonNode;

/** The Halmstad letter of intent from draft to in force, as a secretariat drives it over HTTP. */
class CommandApiTest extends IntegrationTest {

    @Test
    void halmstadLetterOfIntentGoesFromDraftToInForceWithTheEtagGrowingByOnePerEvent() {
        Api.Answer drafted = api.as("secretariat").post("/api/v1/agreements", Bodies.halmstadDraft());
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String id = drafted.json().get("agreementId").asString();
        assertThat(drafted.header("Location")).endsWith("/api/v1/agreements/" + id);
        assertThat(drafted.header("ETag")).isEqualTo("\"1\"");
        assertThat(drafted.json().get("version").asLong()).isEqualTo(1);

        Api.Answer submitted =
                api.as("secretariat").post("/api/v1/agreements/" + id + "/submission", (String) null, null);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.header("ETag")).isEqualTo("\"2\"");
        assertThat(submitted.json().get("id").isNull()).isTrue();

        long version = 2;
        Api.Answer last = submitted;
        for (String party : Bodies.PARTIES) {
            Api.Answer signed = api.as("secretariat")
                    .post("/api/v1/agreements/" + id + "/signatures", Bodies.signature(party, TEXT_V1, "2020-01-20"));
            assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
            assertThat(signed.header("ETag")).isEqualTo("\"" + ++version + "\"");

            Api.Answer adopted = api.as("secretariat")
                    .post(
                            "/api/v1/agreements/" + id + "/board-decisions",
                            Bodies.adoption(party, TEXT_V1, "2020-01-29"));
            assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
            String decisionId = adopted.json().get("id").asString();
            assertThat(adopted.header("Location"))
                    .endsWith("/api/v1/agreements/" + id + "/board-decisions/" + decisionId);
            long expected = party.equals(Bodies.PARTIES.get(Bodies.PARTIES.size() - 1)) ? version + 2 : version + 1;
            assertThat(adopted.header("ETag")).isEqualTo("\"" + expected + "\"");
            version = expected;
            last = adopted;
        }

        assertThat(eventsOf(id)).isEqualTo(version).isEqualTo(2 + 2 * 7 + 1);
        assertThat(last.json().get("position").asLong())
                .isEqualTo(Long.parseLong(last.header("Coop-Position")))
                .isEqualTo(jdbc.queryForObject(
                        "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        id));
        List<String> types = jdbc.queryForList(
                "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                String.class,
                id);
        assertThat(types.get(types.size() - 1)).isEqualTo("se.coop.api.event.AgreementEnteredIntoForce");
    }

    @Test
    void everyEventRecordsWhoActedForWhichPartyUnderWhichCorrelationIdAndKey() {
        String id = api.as("secretariat")
                .post("/api/v1/agreements", Bodies.halmstadDraft())
                .json()
                .get("agreementId")
                .asString();
        api.as("secretariat").post("/api/v1/agreements/" + id + "/submission", (String) null, null);
        Api.Answer signed = api.as("secretariat")
                .header("X-Correlation-Id", "walk-through-42")
                .header("Idempotency-Key", "sign-laholm-" + id)
                .post("/api/v1/agreements/" + id + "/signatures", Bodies.signature("laholm", TEXT_V1, "2020-01-20"));
        assertThat(signed.header("X-Correlation-Id")).isEqualTo("walk-through-42");

        String metaData = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 2",
                String.class,
                id);
        JsonNode meta = Api.JSON.readTree(metaData);
        assertThat(meta.get("actor").asString()).isEqualTo("secretariat");
        assertThat(meta.get("role").asString()).isEqualTo("SECRETARIAT");
        assertThat(meta.get("partyId").asString()).isEqualTo("laholm");
        assertThat(meta.get("correlationId").asString()).isEqualTo("walk-through-42");
        assertThat(meta.get("idempotencyKey").asString()).isEqualTo("sign-laholm-" + id);
        assertThat(meta.get("chainHash").asString()).hasSize(64);
    }

    @Test
    void aCommandThatChangesNothingWritesNothingAndAnswersTheCurrentVersion() {
        String id = api.as("secretariat")
                .post("/api/v1/agreements", Bodies.halmstadDraft())
                .json()
                .get("agreementId")
                .asString();
        api.as("secretariat").post("/api/v1/agreements/" + id + "/submission", "{}");
        Api.Answer again = api.as("secretariat").post("/api/v1/agreements/" + id + "/submission", "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("\"2\"");
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    @Test
    void aDocumentAttachedTwiceIsAttachedOnceAndTheSecondAnswerNamesTheFirst() {
        String id = api.as("secretariat")
                .post("/api/v1/agreements", Bodies.halmstadDraft())
                .json()
                .get("agreementId")
                .asString();
        Map<String, Object> report = Map.of(
                "title",
                "Projektets slutrapport",
                "sha256",
                "b".repeat(64),
                "mediaType",
                "application/pdf",
                "size",
                4_200_000);
        Api.Answer first = api.as("secretariat").post("/api/v1/agreements/" + id + "/documents", report);
        Api.Answer second = api.as("secretariat").post("/api/v1/agreements/" + id + "/documents", report);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    /** The agreement in the path is looked for first: the one being linked to matters only once it exists. */
    @Test
    void aLinkFromAnUnknownAgreementIs404EvenWhenTheOtherIsUnknownToo() {
        Api.Answer answer = api.as("secretariat")
                .post(
                        "/api/v1/agreements/" + java.util.UUID.randomUUID() + "/links",
                        java.util.Map.of(
                                "type",
                                "PART_OF",
                                "otherAgreementId",
                                java.util.UUID.randomUUID().toString()));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.json().get("errorCode").asString()).isEqualTo("AGREEMENT_NOT_FOUND");
    }

    @Test
    void aLinkToAnAgreementNotInCoopIsRefusedAndWritesNothing() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        long events = eventsOf(id);

        Api.Answer answer = api.as("secretariat")
                .post(
                        "/api/v1/agreements/" + id + "/links",
                        Map.of(
                                "type",
                                "SUCCEEDS",
                                "otherAgreementId",
                                java.util.UUID.randomUUID().toString()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.json().get("errorCode").asString()).isEqualTo("LINKED_AGREEMENT_NOT_FOUND");
        assertThat(answer.json().get("violations").get(0).get("field").asString())
                .isEqualTo("otherAgreementId");
        assertThat(eventsOf(id)).isEqualTo(events);
    }
}
