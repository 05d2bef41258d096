package se.coop.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.coop.app.support.Api;
import se.coop.app.support.DatabaseDump;
import se.coop.app.support.Nodes;
import se.coop.app.support.SampleFiles;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestDatabase;
import se.coop.query.audit.ChainVerifier;
import tools.jackson.databind.JsonNode;

/**
 * A database written by the version before Coop held documents (compat/README.md: the demo data, and a minutes
 * extract attached to Halmstad's letter of intent by a made-up hash, then described again) starts today's Coop —
 * with the demo data asked for again — unchanged: every stream verifies, every agreement reads, its events of the
 * earlier shapes read as the current ones (a document attached then is of kind OTHER), and every document its
 * agreements name is listed as named, not held.
 */
class DocumentsOnStoredDataTest {

    private static final String DUMP = "/compat/coop-before-issue-26.sql.gz";
    private static final String HALMSTAD = "e0d6b00d-b24b-4b94-9b49-c8f98516a0f7";
    private static final String MADE_UP = "1".repeat(64);

    private static ConfigurableApplicationContext coop;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void restoreAndStart() {
        DatabaseDump.restore(DUMP, TestDatabase.url("before_issue_26"), "postgres");
        coop = Nodes.start("before_issue_26", "--coop.demo=true");
        api = Nodes.api(coop);
        jdbc = coop.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        coop.close();
    }

    @Test
    void everyStreamVerifiesAndEveryAgreementAndItsDocumentsRead() {
        ChainVerifier verifier = coop.getBean(ChainVerifier.class);
        List<String> agreements = jdbc.queryForList(
                "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE type = 'Agreement'", String.class);
        assertThat(agreements).hasSizeGreaterThanOrEqualTo(9);
        for (String id : agreements) {
            assertThat(verifier.verify(id).intact()).as(id).isTrue();
            for (String read :
                    List.of("", "/documents", "/history?lang=sv", "/dossier?format=json", "/dossier?format=pdf")) {
                Api.Answer answer = api.as("auditor").get("/api/v1/agreements/" + id + read);
                assertThat(answer.status()).as(id + read + " → " + answer).isEqualTo(200);
            }
            JsonNode documents = api.as("auditor")
                    .get("/api/v1/agreements/" + id + "/documents")
                    .json();
            assertThat(documents.get("textHeld").asBoolean())
                    .as("the earlier version's texts are named by made-up hashes, which Coop never held")
                    .isFalse();
            for (JsonNode document : documents.get("documents")) {
                if (document.get("namedBy").get(0).get("recordedAt").asString().compareTo("2026-02-21") < 0) {
                    // named by the earlier version (a test here may name a document of its own since)
                    assertThat(document.get("held").asBoolean())
                            .as(document.toString())
                            .isFalse();
                    assertThat(document.get("stored").isNull()).isTrue();
                }
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Long.class))
                .isZero();
        // the demo data asked for again: the earlier seeds are left as they were, its documents are stored
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE type = 'Agreement' AND sequence_number = 0",
                        Long.class))
                .isEqualTo(agreements.size());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document WHERE uploaded_by = 'coop-demo'", Long.class))
                .isEqualTo(11);
    }

    @Test
    void aDocumentAttachedBeforeKindsIsOtherAndItsAgreementNamesItForTheStoresRules() {
        JsonNode status =
                api.as("auditor").get("/api/v1/agreements/" + HALMSTAD).json();
        JsonNode attached = status.get("documents").get(0);
        assertThat(attached.get("sha256").asString()).isEqualTo(MADE_UP);
        assertThat(attached.get("kind").asString()).isEqualTo("OTHER");
        assertThat(attached.get("title").asString()).isEqualTo("Protokollsutdrag KS 2020-02-12, § 45");
        JsonNode named = api.as("auditor")
                .get("/api/v1/agreements/" + HALMSTAD + "/documents")
                .json()
                .get("documents");
        JsonNode extract = named.get(named.size() - 1);
        assertThat(extract.get("sha256").asString()).isEqualTo(MADE_UP);
        assertThat(extract.get("kinds").get(0).asString()).isEqualTo("OTHER");
        assertThat(extract.get("held").asBoolean()).isFalse();
        // the names the store's rules ask were filled from the status rows the earlier version wrote
        assertThat(jdbc.queryForList(
                        "SELECT kind FROM document_name WHERE sha256 = ? AND agreement_id = ?",
                        String.class,
                        MADE_UP,
                        HALMSTAD))
                .containsExactly("OTHER");
        String text = status.get("textSha256").asString();
        assertThat(jdbc.queryForList(
                        "SELECT kind FROM document_name WHERE sha256 = ? AND agreement_id = ?",
                        String.class,
                        text,
                        HALMSTAD))
                .containsExactly("AGREEMENT_TEXT");
    }

    @Test
    void anAgreementOfTheEarlierVersionNamesADocumentUploadedNow() {
        byte[] minutes = SampleFiles.plainPdf("Protokollsutdrag " + System.nanoTime());
        String sha = SampleFiles.sha256(minutes);
        Secretariat secretariat = new Secretariat(api);
        secretariat.command(
                "/api/v1/agreements/" + HALMSTAD + "/documents",
                Map.of(
                        "title",
                        "Protokollsutdrag",
                        "sha256",
                        sha,
                        "mediaType",
                        "application/pdf",
                        "size",
                        minutes.length));
        assertThat(api.as("secretariat")
                        .upload("/api/v1/documents", "protokoll.pdf", minutes)
                        .status())
                .isEqualTo(201);
        secretariat.read("auditor", "/api/v1/agreements/" + HALMSTAD);
        assertThat(api.as("auditor")
                        .download("/api/v1/documents/" + sha + "/content")
                        .bytes())
                .isEqualTo(minutes);
    }
}
