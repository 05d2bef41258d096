package se.coop.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.coop.api.BusinessTime;
import se.coop.api.proof.Checkpoint;
import se.coop.api.proof.MerkleTree;
import se.coop.api.proof.SigningKeys;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import se.coop.query.audit.ChainVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A checkpoint of every stream, signed: kept as the document it was issued as, checkable with the published key, its
 * root reached from an agreement's head by the agreement's proof, and itself an event of a chained stream.
 */
class CheckpointsTest extends IntegrationTest {

    private static final HexFormat HEX = HexFormat.of();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private ChainVerifier verifier;

    @Test
    void aCheckpointIsSignedKeptAndProvesAnAgreementsHead() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);

        Api.Answer taken = api.as("operator").post("/api/v1/audit/checkpoints", "");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        Checkpoint checkpoint = json.readValue(taken.body(), Checkpoint.class);
        assertThat(taken.header("Location")).endsWith("/api/v1/audit/checkpoints/" + checkpoint.checkpointId());
        assertThat(checkpoint.format()).isEqualTo(Checkpoint.FORMAT);
        assertThat(checkpoint.streams()).isPositive();
        assertThat(checkpoint.events()).isGreaterThanOrEqualTo(checkpoint.streams());

        Api.Answer kept = api.as("auditor").get("/api/v1/audit/checkpoints/" + checkpoint.checkpointId());
        assertThat(kept.status()).isEqualTo(200);
        assertThat(json.readValue(kept.body(), Checkpoint.class)).isEqualTo(checkpoint);
        assertThat(api.as("operator")
                        .get("/api/v1/audit/checkpoints")
                        .json()
                        .get(0)
                        .get("checkpointId")
                        .asString())
                .isEqualTo(checkpoint.checkpointId());

        Api.Answer keys = api.anonymous().get("/api/v1/audit/keys");
        assertThat(keys.status()).isEqualTo(200);
        JsonNode key = find(keys.json(), checkpoint.keyId());
        assertThat(key.get("algorithm").asString()).isEqualTo("Ed25519");
        assertThat(key.get("validUntil").isNull()).isTrue();
        assertThat(checkpoint.signatureHolds(
                        SigningKeys.readPublic(key.get("publicKey").asString())))
                .isTrue();
        assertThat(SigningKeys.id(SigningKeys.readPublic(key.get("publicKey").asString())))
                .isEqualTo(checkpoint.keyId());

        JsonNode proof = api.as("auditor")
                .get("/api/v1/agreements/" + id + "/proof?checkpoint=" + checkpoint.checkpointId())
                .json();
        JsonNode events = api.as("auditor")
                .get("/api/v1/agreements/" + id + "/events")
                .json()
                .get("events");
        JsonNode head = events.get(events.size() - 1);
        assertThat(proof.get("sequence").asLong())
                .isEqualTo(head.get("sequence").asLong());
        assertThat(proof.get("chainHash").asString())
                .isEqualTo(head.get("chainHash").asString());
        assertThat(proof.get("treeSize").asLong()).isEqualTo(checkpoint.streams());
        byte[] leaf = MerkleTree.leaf(
                id,
                head.get("sequence").asLong(),
                HEX.parseHex(head.get("chainHash").asString()));
        List<byte[]> path = new ArrayList<>();
        proof.get("path").forEach(sibling -> path.add(HEX.parseHex(sibling.asString())));
        assertThat(MerkleTree.verify(
                        leaf,
                        proof.get("leafIndex").asLong(),
                        proof.get("treeSize").asLong(),
                        path,
                        HEX.parseHex(checkpoint.root())))
                .isTrue();

        assertThat(verifier.verify("coop-checkpoints").intact()).isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = 'coop-checkpoints'"
                                + " ORDER BY sequence_number DESC LIMIT 1",
                        String.class))
                .isEqualTo("se.coop.api.proof.CheckpointRecorded");
    }

    @Test
    void whatNamesNoCheckpointOrStreamIsNotFoundAndOnlyTheRolesMay() {
        Secretariat secretariat = new Secretariat(api);
        Checkpoint checkpoint = json.readValue(
                api.as("operator").post("/api/v1/audit/checkpoints", "{}").body(), Checkpoint.class);
        String later = secretariat.draft(Bodies.twoPartyDraft());

        for (String path : List.of(
                "/api/v1/audit/checkpoints/3f2504e0-4f89-41d3-9a0c-0305e82c3301",
                "/api/v1/audit/checkpoints/not-a-checkpoint",
                "/api/v1/agreements/" + later + "/proof?checkpoint=3f2504e0-4f89-41d3-9a0c-0305e82c3301",
                "/api/v1/agreements/" + later + "/proof?checkpoint=" + checkpoint.checkpointId())) {
            Api.Answer answer = api.as("auditor").get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json().get("errorCode").asString()).as(path).endsWith("_NOT_FOUND");
        }
        Map<String, Integer> refused = Map.of(
                "auditor POST",
                        api.as("auditor").post("/api/v1/audit/checkpoints", "").status(),
                "secretariat GET",
                        api.as("secretariat").get("/api/v1/audit/checkpoints").status(),
                "reviewer proof",
                        api.as("reviewer")
                                .get("/api/v1/agreements/" + later + "/proof")
                                .status(),
                "anonymous GET",
                        api.anonymous().get("/api/v1/audit/checkpoints").status());
        assertThat(refused)
                .containsEntry("auditor POST", 403)
                .containsEntry("secretariat GET", 403)
                .containsEntry("reviewer proof", 403)
                .containsEntry("anonymous GET", 401);
    }

    @Test
    void coopTakesACheckpointEveryNight() {
        long before = nightly();
        ZonedDateTime now = TestClock.INSTANCE.instant().atZone(BusinessTime.ZONE);
        passTime(now.toLocalDate()
                .plusDays(1)
                .atTime(2, 1)
                .atZone(BusinessTime.ZONE)
                .toOffsetDateTime());

        assertThat(nightly()).isGreaterThan(before);
        String document = jdbc.queryForObject(
                "SELECT document FROM checkpoint WHERE requested_by = 'coop' ORDER BY sequence_number DESC LIMIT 1",
                String.class);
        Checkpoint checkpoint = json.readValue(document, Checkpoint.class);
        assertThat(Instant.parse(checkpoint.takenAt()))
                .as("taken when it fell due, at 02:00 in Stockholm")
                .isEqualTo(TestClock.INSTANCE.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private long nightly() {
        return jdbc.queryForObject("SELECT count(*) FROM checkpoint WHERE requested_by = 'coop'", Long.class);
    }

    private static JsonNode find(JsonNode keys, String keyId) {
        for (JsonNode key : keys) {
            if (keyId.equals(key.get("keyId").asString())) {
                return key;
            }
        }
        throw new AssertionError("no key " + keyId + " in " + keys);
    }
}
