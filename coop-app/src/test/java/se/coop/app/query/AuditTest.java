package se.coop.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static se.coop.app.support.Bodies.TEXT_V1;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.RawEvents;
import se.coop.app.support.Secretariat;
import se.coop.app.support.StoredStream;
import tools.jackson.databind.JsonNode;

/** The auditor's raw event stream, exactly as stored, and the verification of its hash chain. */
class AuditTest extends IntegrationTest {

    @Test
    void theRawStreamShowsEveryEventAsStoredWithItsMetadata() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);
        secretariat.sign(id, "laholm", TEXT_V1, "2025-06-01");
        JsonNode stream = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/events")
                .json();
        assertThat(stream.get("agreementId").asString()).isEqualTo(id);
        JsonNode events = stream.get("events");
        assertThat(events).hasSize(3);
        JsonNode signed = events.get(2);
        assertThat(signed.get("sequence").asLong()).isEqualTo(2);
        assertThat(signed.get("type").asString()).isEqualTo("AgreementSigned");
        assertThat(signed.get("revision").asString())
                .as("AgreementSigned is at revision 2 since it names a document it rests on")
                .isEqualTo("2");
        assertThat(signed.get("position").asLong()).isEqualTo(secretariat.position());
        assertThat(signed.get("payload").get("partyId").asString()).isEqualTo("laholm");
        assertThat(signed.get("metadata").get("partyId").asString()).isEqualTo("laholm");
        assertThat(signed.get("metadata").get("chainHash").asString()).hasSize(64);
        String stored = jdbc.queryForObject(
                "SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2",
                String.class,
                id);
        assertThat(signed.get("recordedAt").asString()).isEqualTo(stored);
    }

    /**
     * An auditor recomputes the chain from the answer alone — no access to Coop's database — and arrives at the head
     * hash Coop's verification states: the bytes are shown exactly as stored, numbers and all.
     */
    @Test
    void theChainCanBeRecomputedFromTheRawStreamAlone() {
        Secretariat secretariat = new Secretariat(api);
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.twoPartyDraft());
        draft.put("funding", Map.of("source", "Tillväxtverket", "amount", new BigDecimal("100.50")));
        draft.put("title", Map.of("sv", "Samverkan \"Öresund\" \u2013 𝕮𝖔𝖔𝖕", "da", "Samarbejde om Øresund"));
        String id = secretariat.draft(draft);
        secretariat.submit(id);
        secretariat.sign(id, "laholm", TEXT_V1, "2025-06-01");

        JsonNode stream = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/events")
                .json();
        JsonNode events = stream.get("events");
        String previous = RawEvents.recomputeChain(stream);
        assertThat(new String(
                        Base64.getDecoder()
                                .decode(events.get(0).get("payloadBytes").asString()),
                        StandardCharsets.UTF_8))
                .contains("\"amount\":100.50");
        assertThat(api.as("auditor").get("/api/v1/agreements/" + id + "/events").body())
                .contains("\"amount\":100.50");
        JsonNode verification = api.as("auditor")
                .get("/api/v1/agreements/" + id + "/verification")
                .json();
        assertThat(verification.get("headHash").asString()).isEqualTo(previous);
    }

    @Test
    void verificationSaysIntactUntilAnSqlEditAndThenNamesTheEditedEvent() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);
        secretariat.sign(id, "laholm", TEXT_V1, "2025-06-01");
        JsonNode intact = api.as("auditor")
                .get("/api/v1/agreements/" + id + "/verification")
                .json();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("events").asLong()).isEqualTo(3);
        assertThat(intact.get("brokenAt").isNull()).isTrue();
        assertThat(intact.get("headHash").asString()).hasSize(64);

        StoredStream original = StoredStream.keep(jdbc, id);
        try {
            jdbc.update(
                    "UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                            + " '2025-06-01', '2025-05-01'), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = 2",
                    id);
            JsonNode broken = api.as("auditor")
                    .get("/api/v1/agreements/" + id + "/verification")
                    .json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("brokenAt").asLong()).isEqualTo(2);
        } finally {
            original.restore();
        }
    }

    @Test
    void rawEventsAndVerificationAreForAuditorsOnly() {
        String id = new Secretariat(api).draft(Bodies.twoPartyDraft());
        for (String path : new String[] {"/events", "/verification"}) {
            for (String user : new String[] {"secretariat", "reviewer", "operator"}) {
                Api.Answer answer = api.as(user).get("/api/v1/agreements/" + id + path);
                assertThat(answer.status()).as(user + path).isEqualTo(403);
            }
            assertThat(api.anonymous().get("/api/v1/agreements/" + id + path).status())
                    .isEqualTo(401);
            assertThat(api.as("auditor")
                            .get("/api/v1/agreements/00000000-0000-4000-8000-000000000000" + path)
                            .status())
                    .isEqualTo(404);
        }
    }
}
