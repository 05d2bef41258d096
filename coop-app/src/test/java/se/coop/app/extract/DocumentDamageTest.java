package se.coop.app.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.coop.app.support.Api;
import se.coop.app.support.Nodes;
import se.coop.app.support.SampleFiles;
import se.coop.app.support.Secretariat;
import se.coop.documents.DocumentUpkeep;
import tools.jackson.databind.JsonNode;

/**
 * A stored chunk changed behind Coop's back (docs/operating.md, Documents): a read stops before it sends what does not
 * match — a clean problem when nothing was sent yet — and the damage is recorded, shown to operators and in health;
 * the scrub finds it too; a range of intact chunks still reads; uploading the file again makes it whole. On a Coop and
 * database of their own, since the damage is real.
 */
class DocumentDamageTest {

    private static ConfigurableApplicationContext coop;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        coop = Nodes.start("document_damage", "--coop.documents.max-size=8MB");
        api = Nodes.api(coop);
        jdbc = coop.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        coop.close();
    }

    @Test
    void aChangedChunkStopsTheReadIsReportedAndIsRepairedByUploadingTheFileAgain() {
        byte[] bytes = new byte[3 * 1024 * 1024 + 100];
        new Random(42).nextBytes(bytes);
        System.arraycopy("just text".getBytes(), 0, bytes, 0, 9);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ('a' + Math.floorMod(bytes[i], 26));
        }
        Api.Answer stored = api.as("secretariat").upload("/api/v1/documents", "stor.txt", bytes);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        String sha = SampleFiles.sha256(bytes);
        String content = "/api/v1/documents/" + sha + "/content";
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document_chunk WHERE sha256 = ?", Long.class, sha))
                .isEqualTo(4);
        assertThat(scrub().whole()).isEqualTo(1);
        assertThat(health().get("status").asString()).isEqualTo("UP");
        // the agreement whose text it is
        Map<String, Object> draft = new LinkedHashMap<>(Fixtures.draft("skadad"));
        draft.put("text", Map.of("sha256", sha, "title", "Avtalstext"));
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(draft);
        assertThat(secretariat
                        .read("operator", "/api/v1/agreements/" + id + "/archive-package")
                        .status())
                .isEqualTo(200);

        // chunk 2 changed: the read starts, and stops there; a range within chunks 0 and 1 still reads
        jdbc.update(
                "UPDATE document_chunk SET bytes = overlay(bytes placing '\\x00'::bytea from 10 for 1)"
                        + " WHERE sha256 = ? AND chunk_no = 2",
                sha);
        // nothing has read it since: the package, which reads every document before it starts, is refused whole
        Api.Answer refusedPackage = secretariat.read("operator", "/api/v1/agreements/" + id + "/archive-package");
        assertThat(refusedPackage.status()).isEqualTo(500);
        assertThat(refusedPackage.json().get("errorCode").asString()).isEqualTo("DOCUMENT_DAMAGED");
        // the first two chunks are sent, then the connection is closed short of the Content-Length: the client sees
        // the transfer fail (at once, not when a timeout ends it), never other bytes in place of the damaged ones
        // (a request left waiting would time out instead, with another message)
        HttpRequest whole = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + coop.getEnvironment().getProperty("local.server.port") + content))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("secretariat:secretariat".getBytes()))
                .timeout(Duration.ofSeconds(30))
                .build();
        Throwable cut =
                catchThrowable(() -> HttpClient.newHttpClient().send(whole, HttpResponse.BodyHandlers.ofByteArray()));
        assertThat(cut).isInstanceOf(IOException.class).hasMessageContaining("bytes received");
        Api.Download range =
                api.as("secretariat").header("Range", "bytes=0-1048575").download(content);
        assertThat(range.status()).isEqualTo(206);
        JsonNode document = api.as("operator").get("/api/v1/documents/" + sha).json();
        assertThat(document.get("damaged").get("detail").asString()).contains("chunk 2");
        JsonNode summary = api.as("operator").get("/api/v1/admin/documents").json();
        assertThat(summary.get("damaged").get(0).get("sha256").asString()).isEqualTo(sha);
        // for operators, not load balancers: the node stays UP (200 to anyone), the component says DAMAGED
        assertThat(health().get("status").asString()).isEqualTo("UP");
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(health().get("components").get("documents").get("status").asString())
                .isEqualTo("DAMAGED");
        assertThat(api.as("operator").get("/actuator/prometheus").body()).contains("coop_documents_damaged 1.0");
        assertThat(health().get("components")
                        .get("documents")
                        .get("details")
                        .get("damaged")
                        .get(0)
                        .asString())
                .isEqualTo(sha);
        assertThat(scrub().damaged()).as("the scrub finds it too").isEqualTo(1);

        // chunk 0 changed as well: nothing is sent but the problem
        jdbc.update(
                "UPDATE document_chunk SET bytes = overlay(bytes placing '\\x00'::bytea from 1 for 1)"
                        + " WHERE sha256 = ? AND chunk_no = 0",
                sha);
        Api.Download refused = api.as("secretariat").download(content);
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("DOCUMENT_DAMAGED");

        // uploaded again, it is written afresh: whole, and no longer reported
        Api.Answer again = api.as("secretariat").upload("/api/v1/documents", "stor.txt", bytes);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("damaged").isNull()).isTrue();
        assertThat(api.as("secretariat").download(content).bytes()).isEqualTo(bytes);
        assertThat(health().get("status").asString()).isEqualTo("UP");
        assertThat(api.as("operator").get("/api/v1/admin/documents").json().get("damaged"))
                .isEmpty();
    }

    private static DocumentUpkeep.Pass scrub() {
        return coop.getBean(DocumentUpkeep.class).scrub(Duration.ofMinutes(1));
    }

    private static JsonNode health() {
        return api.as("operator").get("/actuator/health").json();
    }
}
