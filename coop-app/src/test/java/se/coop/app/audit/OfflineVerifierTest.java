package se.coop.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.coop.api.proof.SigningKeys;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.OfflineVerifier;
import se.coop.app.support.OfflineVerifier.Run;
import se.coop.app.support.Secretariat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The offline verifier (coop-verify) on what Coop hands an auditor: a fresh dossier, or an archive package, with the
 * checkpoint's public key is enough, and every tampered variant — an event's bytes, the proof, the checkpoint, the
 * key — is refused.
 */
class OfflineVerifierTest extends IntegrationTest {

    @TempDir
    Path files;

    private final JsonMapper json = JsonMapper.builder().build();
    private Secretariat secretariat;
    private String id;
    private Path key;
    private Path dossier;

    @BeforeEach
    void aDossierAfterACheckpoint() throws IOException {
        secretariat = new Secretariat(api);
        id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);
        Api.Answer taken = api.as("operator").post("/api/v1/audit/checkpoints", "");
        assertThat(taken.status()).isEqualTo(201);
        secretariat.sign(id, "halmstad", Bodies.TEXT_V1, "2020-01-20");

        String keyId = taken.json().get("keyId").asString();
        for (JsonNode published : api.anonymous().get("/api/v1/audit/keys").json()) {
            if (published.get("keyId").asString().equals(keyId)) {
                key = Files.writeString(
                        files.resolve("key.pem"), published.get("publicKey").asString());
            }
        }
        Api.Download answer =
                secretariat.reader("auditor").download("/api/v1/agreements/" + id + "/dossier?format=json");
        assertThat(answer.status()).isEqualTo(200);
        dossier = Files.write(files.resolve("dossier.json"), answer.bytes());
    }

    @Test
    void aFreshDossierWithTheKeyIsEnough() {
        Run run = verify("--key", key, "--dossier", dossier);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("its signature holds")
                .contains("the hash chain recomputed from their stored bytes holds")
                .contains("lead to the checkpoint's signed root")
                .contains("1 later event(s)")
                .contains("not covered by this checkpoint")
                .contains("Result: everything this checkpoint covers holds.");
    }

    @Test
    void anArchivePackageWithTheKeyIsEnough() throws IOException {
        Api.Download zip = secretariat.reader("operator").download("/api/v1/agreements/" + id + "/archive-package");
        assertThat(zip.status()).isEqualTo(200);
        Path pack = Files.write(files.resolve("package.zip"), zip.bytes());

        Run run = verify("--key", key, "--package", pack);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .containsPattern("the package's \\d+ files match the SHA-256 checksums its METS files give");
    }

    /** Issue 28, finding 11: a changed history.sv.txt passed, for the package's own METS checksums went unchecked. */
    @Test
    void aFileOfThePackageChangedIsNamedByItsMetsChecksum() throws IOException {
        Api.Download zip = secretariat.reader("operator").download("/api/v1/agreements/" + id + "/archive-package");
        Path changed = files.resolve("changed.zip");
        String history = null;
        try (java.util.zip.ZipInputStream in =
                        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.bytes()));
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(changed))) {
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith("history.sv.txt")) {
                    history = entry.getName();
                    bytes = (new String(bytes, StandardCharsets.UTF_8) + "\nen rad till\n")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThat(history).as("the package has a history.sv.txt").isNotNull();

        Run run = verify("--key", key, "--package", changed);

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("files of the package do not match its METS checksums: " + history + " (changed)")
                .contains("Result: does NOT hold");
    }

    /**
     * Issue 28, finding 11: with no events the verifier said the audit path did not lead to the root, though it did;
     * the path is checked from the hash the checkpoint recorded, the events against that hash.
     */
    @Test
    void withoutItsEventsTheChainFailsAndThePathStillHolds() throws IOException {
        ObjectNode emptied = (ObjectNode) json.readTree(dossier.toFile());
        emptied.putArray("events");

        Run run = verify("--key", key, "--dossier", write("emptied.json", emptied));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output())
                .contains("holds:    the recorded hash and its audit path lead to the checkpoint's signed root")
                .contains("FAILS:    events 0–")
                .contains("are not all there: 0 of");
    }

    @Test
    void helpSaysWhatEachArgumentIs() {
        Run run = verify("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.output())
                .startsWith("usage: java -jar coop-verify.jar")
                .contains("--package ZIP")
                .contains("Exit code");
        Run unknown = verify("--nonsense");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown argument: --nonsense").contains("--help says more");
    }

    @Test
    void anEventsBytesChangedAreRefused() throws IOException {
        ObjectNode tampered = (ObjectNode) json.readTree(dossier.toFile());
        ObjectNode first = (ObjectNode) tampered.get("events").get(0);
        String payload =
                new String(Base64.getDecoder().decode(first.get("payloadBytes").asString()), StandardCharsets.UTF_8);
        first.put(
                "payloadBytes",
                Base64.getEncoder()
                        .encodeToString(
                                payload.replace("Avsiktsförklaring", "Avtal").getBytes(StandardCharsets.UTF_8)));

        Run run = verify("--key", key, "--dossier", write("event.json", tampered));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("the hash chain breaks at event 0").contains("Result: does NOT hold");
    }

    @Test
    void aProofChangedIsRefused() throws IOException {
        ObjectNode tampered = (ObjectNode) json.readTree(dossier.toFile());
        ObjectNode proof = (ObjectNode) tampered.get("proof");
        proof.put("leafIndex", proof.get("leafIndex").asLong() == 0 ? 1 : 0);

        Run run = verify("--key", key, "--dossier", write("proof.json", tampered));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("do not lead to the checkpoint's signed root");
    }

    @Test
    void aCheckpointChangedIsRefused() throws IOException {
        ObjectNode checkpoint = (ObjectNode) json.readTree(dossier.toFile()).get("checkpoint");
        checkpoint.put("events", checkpoint.get("events").asLong() + 1);

        Run run = verify("--key", key, "--dossier", dossier, "--checkpoint", write("checkpoint.json", checkpoint));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("its signature does not hold");
    }

    @Test
    void aCheckpointThatIsNotTheSignedDocumentIsRefused() throws IOException {
        ObjectNode checkpoint = (ObjectNode) json.readTree(dossier.toFile()).get("checkpoint");
        String signature = checkpoint.get("signature").asString();
        char last = signature.charAt(signature.length() - 3);
        ObjectNode unusedBits = checkpoint.deepCopy();
        // the last character before "==" is A, Q, g or w: its 4 low bits are unused, so the next one decodes alike
        unusedBits.put(
                "signature",
                signature.substring(0, signature.length() - 3)
                        + (char) (last + 1)
                        + signature.substring(signature.length() - 2));
        ObjectNode asText = checkpoint.deepCopy();
        asText.put("highWaterMark", checkpoint.get("highWaterMark").asString());
        ObjectNode extra = checkpoint.deepCopy();
        extra.put("note", "not signed");

        for (ObjectNode tampered : List.of(unusedBits, asText, extra)) {
            Run run = verify("--key", key, "--dossier", dossier, "--checkpoint", write("tampered.json", tampered));
            assertThat(run.exit()).as(tampered + "\n" + run.output()).isEqualTo(1);
        }
        Path twice = Files.writeString(
                files.resolve("twice.json"),
                json.writeValueAsString(checkpoint).replaceFirst("\\{", "{\"root\":\"00\","));
        assertThat(verify("--key", key, "--dossier", dossier, "--checkpoint", twice)
                        .exit())
                .isNotZero();
    }

    @Test
    void anotherKeyIsRefused() throws IOException {
        Path other = Files.writeString(
                files.resolve("other.pem"),
                SigningKeys.publicPem(SigningKeys.generate().getPublic()));

        Run run = verify("--key", other, "--dossier", dossier);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("but the checkpoint was signed by").contains("its signature does not hold");
    }

    @Test
    void filesItCannotReadAreSaidSo() {
        Run run = verify("--key", files.resolve("absent.pem"), "--dossier", dossier);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).startsWith("Cannot verify:");
    }

    private Path write(String name, JsonNode content) throws IOException {
        return Files.writeString(files.resolve(name), json.writeValueAsString(content));
    }

    private static Run verify(Object... arguments) {
        return OfflineVerifier.run(arguments);
    }
}
