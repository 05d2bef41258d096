package se.coop.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.Nodes;
import se.coop.app.support.Secretariat;
import se.coop.app.support.Verifications;
import tools.jackson.databind.JsonNode;

/**
 * What a hash chain cannot show, a checkpoint does: after a checkpoint, an agreement's newest event deleted with SQL
 * leaves its chain intact, but the verification against the checkpoint names the stream and the sequences missing; a
 * stream deleted whole, and an event changed, are named too. On a Coop and database of its own, so that "intact" means
 * this test's store, and its tampering reaches no other test.
 */
class CheckpointVerificationTest {

    private static ConfigurableApplicationContext coop;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        coop = Nodes.start("checkpoint_verification");
        api = Nodes.api(coop);
        jdbc = coop.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        coop.close();
    }

    @Test
    void aCutDeletedOrChangedStreamIsNamedWhereTheChainAloneSaysIntact() {
        Secretariat secretariat = new Secretariat(api);
        String cut = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(cut);
        String deleted = secretariat.draft(Bodies.twoPartyDraft());
        String changed = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(changed);
        long cutHead = last(cut);

        Api.Answer taken = api.as("operator").post("/api/v1/audit/checkpoints", "");
        assertThat(taken.status()).isEqualTo(201);
        String checkpoint = taken.json().get("checkpointId").asString();

        JsonNode before = Verifications.verified(api, checkpoint);
        assertThat(before.get("intact").asBoolean()).as(before.toString()).isTrue();
        assertThat(before.get("summary").asString()).startsWith("Intact");
        assertThat(before.get("streams").asLong())
                .isEqualTo(taken.json().get("streams").asLong());

        jdbc.update(
                "DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?", cut, cutHead);
        JsonNode chain = api.as("auditor")
                .get("/api/v1/agreements/" + cut + "/verification")
                .json();
        assertThat(chain.get("intact").asBoolean())
                .as("the chain alone cannot see a cut end")
                .isTrue();

        JsonNode after = Verifications.verified(api, checkpoint);
        assertThat(after.get("intact").asBoolean()).isFalse();
        assertThat(after.get("signatureHolds").asBoolean()).isTrue();
        assertThat(after.get("rootHolds").asBoolean()).isTrue();
        assertThat(after.get("streamsShorter")).hasSize(1);
        JsonNode shorter = after.get("streamsShorter").get(0);
        assertThat(shorter.get("aggregateId").asString()).isEqualTo(cut);
        assertThat(shorter.get("sequence").asLong()).isEqualTo(cutHead);
        assertThat(shorter.get("lastSequenceNow").asLong()).isEqualTo(cutHead - 1);
        assertThat(after.get("summary").asString()).startsWith("NOT intact").contains("shorter");

        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", deleted);
        jdbc.update(
                "UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                        + " 'Avsiktsförklaring', 'Avsiktsförklaring (ändrad)'), 'UTF8')"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 0",
                changed);

        JsonNode last = Verifications.verified(api, checkpoint);
        assertThat(last.get("intact").asBoolean()).isFalse();
        assertThat(last.get("streamsMissing")).hasSize(1);
        assertThat(last.get("streamsMissing").get(0).get("aggregateId").asString())
                .isEqualTo(deleted);
        assertThat(last.get("streamsChanged")).hasSize(1);
        JsonNode edited = last.get("streamsChanged").get(0);
        assertThat(edited.get("aggregateId").asString()).isEqualTo(changed);
        assertThat(edited.get("brokenAt").asLong()).isZero();
        assertThat(last.get("streamsShorterCount").asLong()).isEqualTo(1);
    }

    /** Issue 28, finding 12: docs/audit.md says {@code {}} verifies against the checkpoint as Coop keeps it; it was 400. */
    @Test
    void anEmptyObjectVerifiesAgainstTheCheckpointAsCoopKeepsIt() {
        Api.Answer taken = api.as("operator").post("/api/v1/audit/checkpoints", "");
        assertThat(taken.status()).isEqualTo(201);
        String checkpoint = taken.json().get("checkpointId").asString();
        JsonNode result = Verifications.verified(api, checkpoint, "{}");
        assertThat(result.get("intact").asBoolean()).as(result.toString()).isTrue();

        // a whole checkpoint document naming another checkpoint is refused, naming the field
        String another = taken.body().replace(checkpoint, "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        Api.Answer other =
                api.as("auditor").post("/api/v1/audit/checkpoints/" + checkpoint + "/verifications", another);
        assertThat(other.status()).as(other.toString()).isEqualTo(400);
        assertThat(other.json().get("violations").get(0).get("field").asString())
                .isEqualTo("checkpointId");
    }

    @Test
    void aVerificationOfNoCheckpointIsNotFound() {
        Api.Answer answer = api.as("auditor")
                .post("/api/v1/audit/checkpoints/3f2504e0-4f89-41d3-9a0c-0305e82c3301/verifications", "");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("errorCode").asString()).isEqualTo("CHECKPOINT_NOT_FOUND");
        assertThat(api.as("auditor")
                        .get("/api/v1/audit/checkpoints/3f2504e0-4f89-41d3-9a0c-0305e82c3301/verifications/x")
                        .status())
                .isEqualTo(404);
    }

    private static long last(String agreementId) {
        return jdbc.queryForObject(
                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                agreementId);
    }
}
