package se.coop.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.OfflineVerifier;
import se.coop.app.support.OfflineVerifier.Run;
import se.coop.app.support.Secretariat;
import se.coop.app.support.Verifications;
import tools.jackson.databind.JsonNode;

/**
 * Issue 28, finding 10: a stream deleted whole could not be shown offline — its dossier, events and package answer
 * 404 — and the register went on showing the agreement in force. An auditor downloads a full store extract for a
 * checkpoint, which coop-verify checks alone and which names the stream deleted; once a verification has found it
 * missing, the register and the agreement's page say so, and go on saying so after the status read model is rebuilt.
 */
class StoreExtractTest extends IntegrationTest {

    @TempDir
    Path files;

    @Test
    void aStreamDeletedWholeIsNamedOfflineAndMarkedInTheRegisterEvenAfterARebuild() throws IOException {
        Secretariat secretariat = new Secretariat(api);
        String kept = secretariat.draft(Bodies.twoPartyDraft());
        String deleted = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(deleted);

        Api.Answer taken = api.as("operator").post("/api/v1/audit/checkpoints", "");
        assertThat(taken.status()).isEqualTo(201);
        String checkpoint = taken.json().get("checkpointId").asString();
        Path key = key(taken.json().get("keyId").asString());
        long recorded = count("SELECT count(*) FROM store_extract");

        String path = "/api/v1/audit/checkpoints/" + checkpoint + "/store-extract";
        assertThat(api.as("operator").get(path).status()).isEqualTo(403);
        assertThat(api.as("secretariat").get(path).status()).isEqualTo(403);
        Api.Download whole = api.as("auditor").download(path);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Content-Type")).startsWith("application/x-ndjson");
        String text = new String(whole.bytes(), StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("{\"format\":\"coop-store-extract/1\"")
                .contains(kept)
                .contains(deleted);
        Run intact = verify("--key", key, "--extract", Files.write(files.resolve("whole.jsonl"), whole.bytes()));
        assertThat(intact.exit()).as(intact.output()).isZero();
        assertThat(intact.output())
                .contains("Result: every stream this checkpoint covered is in the store as it was then.");

        List<Map<String, Object>> rows =
                jdbc.queryForList("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ?", deleted);
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", deleted);
        try {
            deletedWhole(path, key, taken, kept, deleted, checkpoint, recorded, secretariat);
        } finally {
            // put back as it was, so that the tests after this one (a rebuild's) find the store whole
            for (Map<String, Object> row : rows) {
                jdbc.update(
                        "INSERT INTO domain_event_entry (" + String.join(", ", row.keySet()) + ") VALUES ("
                                + String.join(", ", java.util.Collections.nCopies(row.size(), "?")) + ")",
                        row.values().toArray());
            }
            jdbc.update("DELETE FROM missing_stream WHERE aggregate_id = ?", deleted);
        }
    }

    private void deletedWhole(
            String path,
            Path key,
            Api.Answer taken,
            String kept,
            String deleted,
            String checkpoint,
            long recorded,
            Secretariat secretariat)
            throws IOException {
        Api.Download without = api.as("auditor").download(path);
        Run found = verify("--key", key, "--extract", Files.write(files.resolve("without.jsonl"), without.bytes()));
        assertThat(found.exit()).as(found.output()).isEqualTo(1);
        assertThat(found.output())
                .contains("holds:    the " + taken.json().get("streams").asLong()
                        + " streams' leaves give the checkpoint's signed root")
                .contains("1 stream(s) deleted whole (no event left): " + deleted + " (covered to event 1)")
                .doesNotContain(kept + " (");
        assertThat(
                        count(
                                "SELECT count(*) FROM store_extract WHERE extracted_by = 'auditor' AND finished_at IS NOT NULL"))
                .isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT count(*) FROM store_extract")).isEqualTo(recorded + 2);

        // a cut download is seen to be one
        String cut = new String(without.bytes(), StandardCharsets.UTF_8);
        cut = cut.substring(0, cut.lastIndexOf("{\"end\""));
        Run shortened = verify("--key", key, "--extract", Files.writeString(files.resolve("cut.jsonl"), cut));
        assertThat(shortened.output()).contains("the extract is cut short: it has no end line");

        // the register showed it in force; once a verification finds it gone, it is marked — and stays marked
        assertThat(secretariat
                        .read("auditor", "/api/v1/agreements/" + deleted)
                        .json()
                        .get("missingFromStore")
                        .isNull())
                .isTrue();
        JsonNode result = Verifications.verified(api, checkpoint);
        assertThat(result.get("streamsMissingCount").asLong()).isEqualTo(1);
        assertMarked(deleted, checkpoint);

        Api.Answer rebuild = api.as("operator").post("/api/v1/admin/projections/status/rebuild", "{}");
        assertThat(rebuild.status()).as(rebuild.toString()).isLessThan(300);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT rebuilding FROM projection_state WHERE name = 'status'", Boolean.class))
                        .isFalse());
        assertMarked(deleted, checkpoint);
    }

    private void assertMarked(String deleted, String checkpoint) {
        JsonNode status = api.as("auditor").get("/api/v1/agreements/" + deleted).json();
        assertThat(status.get("state").asString()).as("as it was when found").isEqualTo("AWAITING_APPROVAL");
        assertThat(status.get("missingFromStore").get("checkpointId").asString())
                .isEqualTo(checkpoint);
        assertThat(status.get("missingFromStore").get("coveredSequence").asLong())
                .isEqualTo(1);
        boolean listed = false;
        for (JsonNode row :
                api.as("auditor").get("/api/v1/agreements?size=100").json().get("content")) {
            if (row.get("agreementId").asString().equals(deleted)) {
                listed = !row.get("missingFromStore").isNull();
            }
        }
        assertThat(listed).as("the register lists it, marked").isTrue();
        String page =
                new se.coop.app.web.PageSessionAccess(port).signedIn("auditor", "/agreements/" + deleted + "?lang=sv");
        assertThat(page)
                .contains("Avtalets händelseström saknas i händelselagret")
                .contains(checkpoint);
        String register = new se.coop.app.web.PageSessionAccess(port).signedIn("auditor", "/?lang=sv");
        int row = register.indexOf("/agreements/" + deleted);
        assertThat(row).as("the register page lists it").isPositive();
        assertThat(register.substring(row, register.indexOf("</tr>", row))).contains("Saknas i händelselagret");
    }

    private Path key(String keyId) throws IOException {
        for (JsonNode published : api.anonymous().get("/api/v1/audit/keys").json()) {
            if (published.get("keyId").asString().equals(keyId)) {
                return Files.writeString(
                        files.resolve("key.pem"), published.get("publicKey").asString());
            }
        }
        throw new AssertionError("no published key " + keyId);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static Run verify(Object... arguments) {
        return OfflineVerifier.run(arguments);
    }
}
