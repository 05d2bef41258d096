package se.coop.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.coop.api.proof.SigningKeys;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.Nodes;
import se.coop.app.support.Secretariat;
import se.coop.app.support.Verifications;
import tools.jackson.databind.JsonNode;

/**
 * What someone who can write to the database but has no private key may try on the checkpoints themselves: another
 * public key under the real key's id, a checkpoint document changed where Coop keeps it, the checkpoints' own stream
 * cut short. Coop's verification says so, and no checkpoint is taken over a cut stream. On a Coop and database of its
 * own.
 */
class CheckpointTamperingTest {

    private static ConfigurableApplicationContext coop;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        coop = Nodes.start("checkpoint_tampering");
        api = Nodes.api(coop);
        jdbc = coop.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        coop.close();
    }

    @Test
    void aKeyOrDocumentChangedInTheDatabaseOrACutCheckpointStreamIsSaidSo() {
        new Secretariat(api).draft(Bodies.twoPartyDraft());
        JsonNode first =
                api.as("operator").post("/api/v1/audit/checkpoints", "").json();
        String id = first.get("checkpointId").asString();
        assertThat(Verifications.verified(api, id).get("intact").asBoolean()).isTrue();

        String realKey = jdbc.queryForObject(
                "SELECT public_key FROM signing_key WHERE key_id = ?",
                String.class,
                first.get("keyId").asString());
        jdbc.update(
                "UPDATE signing_key SET public_key = ? WHERE key_id = ?",
                SigningKeys.publicPem(SigningKeys.generate().getPublic()),
                first.get("keyId").asString());
        assertThat(Verifications.verified(api, id).get("signatureHolds").asBoolean())
                .as("another public key under the real key's id")
                .isFalse();
        jdbc.update(
                "UPDATE signing_key SET public_key = ? WHERE key_id = ?",
                realKey,
                first.get("keyId").asString());

        jdbc.update(
                "UPDATE checkpoint SET document = replace(document, '\"takenAt\":\"', '\"takenAt\":\"1')"
                        + " WHERE checkpoint_id = ?::uuid",
                id);
        JsonNode changed = Verifications.verified(api, id);
        assertThat(changed.get("checkpointRecorded").asBoolean()).isFalse();
        assertThat(changed.get("intact").asBoolean()).isFalse();

        jdbc.update(
                "DELETE FROM domain_event_entry WHERE aggregate_identifier = 'coop-checkpoints' AND sequence_number ="
                        + " (SELECT max(sequence_number) FROM domain_event_entry"
                        + " WHERE aggregate_identifier = 'coop-checkpoints')");
        Api.Answer refused = api.as("operator").post("/api/v1/audit/checkpoints", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("CHECKPOINTS_CUT");
    }
}
