package se.coop.app.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.document.Documents;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.SampleFiles;
import se.coop.app.support.Secretariat;
import tools.jackson.databind.JsonNode;

/**
 * Coop holds the documents (docs/domain.md, rule 15; docs/archive.md): an agreement's text and the minutes its board
 * decisions rest on are uploaded, named by their hash, and carried — those very bytes — into the dossier's list and the
 * archive package that the E-ARK validator accepts; a document uploaded later is held without touching the stream;
 * uploads Coop does not keep are refused and leave nothing; who may read, remove and cull a document.
 */
class DocumentsTest extends IntegrationTest {

    private static final String DOCUMENTS = "/api/v1/documents";

    @TempDir
    Path temp;

    @Autowired
    Documents documents;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void bytesUploadedAfterAnAgreementDescribedThemOtherwiseAreShownWithTheContradictionAndARetryKeepsItsAnswer() {
        byte[] bytes = SampleFiles.text("Beskriven annorlunda " + UUID.randomUUID());
        String sha = SampleFiles.sha256(bytes);
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Fixtures.draft("annorlunda-" + UUID.randomUUID()));
        String attach = "/api/v1/agreements/" + id + "/documents";
        String body = "{\"title\":\"Protokollsutdrag\",\"sha256\":\"" + sha
                + "\",\"mediaType\":\"application/pdf\",\"size\":999999}";
        String key = "annorlunda-" + UUID.randomUUID();
        Api.Answer first = api.as("secretariat").header("Idempotency-Key", key).post(attach, body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        // the bytes arrive later: they are the document (the hash says so), and what the agreement said of them is not
        upload("protokoll.txt", bytes);
        Api.Answer again = api.as("secretariat").header("Idempotency-Key", key).post(attach, body);
        assertThat(again.status()).as("the retry gets its first answer").isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        JsonNode listed = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/documents")
                .json()
                .get("documents");
        JsonNode named = null;
        for (JsonNode d : listed) {
            if (d.get("sha256").asString().equals(sha)) {
                named = d;
            }
        }
        assertThat(named).isNotNull();
        assertThat(named.get("held").asBoolean()).isTrue();
        assertThat(named.get("contradictions").toString()).isEqualTo("[\"size\",\"mediaType\"]");
        // a new request describing the held bytes otherwise is refused, naming the fields
        Api.Answer refused = api.as("secretariat").post(attach, body.replace("Protokollsutdrag", "Utdrag"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("violations").toString()).contains("\"size\"", "\"mediaType\"");
    }

    @Test
    void aRemovalWaitsForACommandNamingTheDocumentAndThenKnowsOfIt() throws Exception {
        String sha = upload("vantar.txt", SampleFiles.text("Väntar " + UUID.randomUUID()));
        // a command's transaction that has named the document (NamedDocuments calls this) and not yet committed
        CountDownLatch named = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> command = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                documents.naming(List.of(sha));
                named.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            named.await();
            Future<Api.Answer> removal =
                    threads.submit(() -> api.as("secretariat").delete(DOCUMENTS + "/" + sha));
            // the removal waits on the document's lock (PostgreSQL says so), and removes nothing meanwhile
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.queryForObject(
                                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
                                    Long.class)
                            > 0);
            assertThat(removal).isNotDone();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM document WHERE sha256 = ?", Long.class, sha))
                    .isEqualTo(1);
            commit.countDown();
            command.get();
            // nothing was named after all: the removal goes ahead
            assertThat(removal.get().status()).isEqualTo(204);
        } finally {
            threads.shutdownNow();
        }

        // racing for real: an attachment that leaves its size and type to the held bytes, and a removal, at once —
        // either the attachment is recorded and the removal refused, or the removal happened and the attachment is
        // refused as describing bytes Coop does not hold; never both recorded
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Fixtures.draft("kapplopning-" + UUID.randomUUID()));
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                String raced =
                        upload("race-" + i + ".txt", SampleFiles.text("Kapplöpning " + i + " " + UUID.randomUUID()));
                Future<Api.Answer> attach = racers.submit(() -> api.as("secretariat")
                        .post(
                                "/api/v1/agreements/" + id + "/documents",
                                "{\"title\":\"Race\",\"sha256\":\"" + raced + "\"}"));
                Future<Api.Answer> remove =
                        racers.submit(() -> api.as("secretariat").delete(DOCUMENTS + "/" + raced));
                int attached = attach.get().status();
                int removed = remove.get().status();
                assertThat(List.of(attached, removed))
                        .as("attach, remove (try " + i + ")")
                        .isIn(List.of(201, 409), List.of(400, 204));
            }
        } finally {
            racers.shutdownNow();
        }
    }

    private String upload(String name, byte[] bytes) {
        Api.Answer answer = api.as("secretariat").upload(DOCUMENTS, name, bytes);
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
        assertThat(answer.json().get("sha256").asString()).isEqualTo(SampleFiles.sha256(bytes));
        assertThat(answer.json().get("size").asLong()).isEqualTo(bytes.length);
        return answer.json().get("sha256").asString();
    }

    /** An upload whose part file is followed by a second file part named {@code second}. */
    private Api.Answer twoFileParts(String second, String word) {
        String boundary = "two-" + word;
        String body = "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\na\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + second
                + "\"; filename=\"b.txt\"\r\n\r\nb\r\n"
                + "--" + boundary + "--\r\n";
        return api.as("secretariat")
                .post(DOCUMENTS, body.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary);
    }

    private long storedRows() {
        return jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM document) + (SELECT count(*) FROM document_chunk)", Long.class);
    }

    @Test
    void theUploadedTextAndMinutesAreTheBytesInTheDossierAndThePackage() throws Exception {
        String word = "dokument-" + UUID.randomUUID();
        byte[] text = SampleFiles.pdfA("Avsiktsförklaring om samverkan – " + word);
        Api.Answer uploaded = api.as("secretariat").upload(DOCUMENTS, "Avsiktsförklaring.pdf", text);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String textSha = uploaded.json().get("sha256").asString();
        assertThat(uploaded.header("Location")).endsWith(DOCUMENTS + "/" + textSha);
        assertThat(uploaded.json().get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(uploaded.json().get("fileName").asString()).isEqualTo("Avsiktsförklaring.pdf");
        assertThat(uploaded.json().get("uploadedBy").asString()).isEqualTo("secretariat");
        assertThat(uploaded.json().get("pdfa").get("status").asString()).isIn("PENDING", "COMPLIANT");
        assertThat(api.as("secretariat").upload(DOCUMENTS, "igen.pdf", text).status())
                .as("the same bytes again")
                .isEqualTo(200);

        // the draft names its text by the hash alone: Coop knows its size and type from the bytes
        Secretariat secretariat = new Secretariat(api);
        Map<String, Object> draft = new LinkedHashMap<>(Fixtures.draft(word));
        draft.put("text", Map.of("sha256", textSha, "title", "Avsiktsförklaring"));
        String id = secretariat.draft(draft);
        secretariat.submit(id);
        LocalDate on = Fixtures.today().minusDays(40);
        Map<String, String> minutes = new LinkedHashMap<>();
        for (String party : List.of("halmstad", "laholm")) {
            byte[] extract = SampleFiles.plainPdf("Protokollsutdrag " + party + " " + word);
            minutes.put(party, upload("Protokollsutdrag " + party + ".pdf", extract));
            secretariat.sign(id, party, textSha, on.toString());
            Map<String, Object> adoption = new LinkedHashMap<>(Bodies.adoption(party, textSha, on.toString()));
            adoption.put("minutesPostedOn", on.plusDays(1).toString());
            adoption.put("document", Map.of("sha256", minutes.get(party)));
            secretariat.command("/api/v1/agreements/" + id + "/board-decisions", adoption);
        }
        assertThat(secretariat
                        .read("auditor", "/api/v1/agreements/" + id)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("IN_FORCE");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.as("secretariat")
                                .get(DOCUMENTS + "/" + textSha)
                                .json()
                                .get("pdfa")
                                .get("status")
                                .asString())
                        .isEqualTo("COMPLIANT"));

        JsonNode listed = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/documents")
                .json();
        assertThat(listed.get("textSha256").asString()).isEqualTo(textSha);
        assertThat(listed.get("textHeld").asBoolean()).isTrue();

        JsonNode dossier = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/dossier?format=json")
                .json();
        JsonNode documents = dossier.get("documents").get("documents");
        assertThat(documents).hasSize(3);
        assertThat(documents.get(0).get("sha256").asString()).isEqualTo(SampleFiles.sha256(text));
        assertThat(documents.get(0).get("kinds").get(0).asString()).isEqualTo("AGREEMENT_TEXT");
        assertThat(documents.get(0).get("stored").get("size").asLong()).isEqualTo(text.length);
        for (JsonNode document : documents) {
            assertThat(document.get("held").asBoolean()).as(document.toString()).isTrue();
        }
        assertThat(documents.get(1).get("sha256").asString()).isEqualTo(minutes.get("halmstad"));
        assertThat(documents.get(1).get("kinds").get(0).asString()).isEqualTo("MINUTES_EXTRACT");
        assertThat(documents.get(1).get("namedBy").get(0).get("act").asString()).isEqualTo("BOARD_DECISION");

        // the package (an operator's preliminary extract) holds those very bytes, and the E-ARK validator accepts it
        Api.Download zip = secretariat.reader("operator").download("/api/v1/agreements/" + id + "/archive-package");
        assertThat(zip.status()).as(zip.toString()).isEqualTo(200);
        Map<String, byte[]> files = unzip(zip.bytes());
        String data = "uuid-" + id + "/representations/rep1/data/documents/";
        assertThat(files.get(data + textSha + ".pdf")).isEqualTo(text);
        for (String party : minutes.keySet()) {
            assertThat(SampleFiles.sha256(files.get(data + minutes.get(party) + ".pdf")))
                    .isEqualTo(minutes.get(party));
        }
        String mets = new String(files.get("uuid-" + id + "/representations/rep1/METS.xml"), StandardCharsets.UTF_8);
        assertThat(mets)
                .contains("CHECKSUM=\"" + textSha + "\"")
                .contains("FORMATREGISTRYKEY=\"fmt/477\"")
                .contains("SIZE=\"" + text.length + "\"");
        String premis =
                new String(files.get("uuid-" + id + "/metadata/preservation/premis.xml"), StandardCharsets.UTF_8);
        assertThat(premis).contains("<messageDigest>" + textSha + "</messageDigest>", "Avsiktsförklaring.pdf");
        Path file = temp.resolve("package.zip");
        Files.write(file, zip.bytes());
        assertThat(SipValidation.failures(file).stream().filter(f -> f.level().equals("MUST")))
                .as("MUST requirements failed")
                .isEmpty();
    }

    @Test
    void aDocumentUploadedAfterTheAgreementWasArchivedIsHeldWithoutTouchingItsStream() throws Exception {
        String word = "senare-" + UUID.randomUUID();
        byte[] report = SampleFiles.plainPdf("Slutrapport " + word);
        String reportSha = SampleFiles.sha256(report);
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.inForce(secretariat, word);
        secretariat.command(
                "/api/v1/agreements/" + id + "/documents",
                Map.of(
                        "title", "Slutrapport",
                        "sha256", reportSha,
                        "mediaType", "application/pdf",
                        "size", report.length,
                        "kind", "FINAL_REPORT"));
        secretariat.command(
                "/api/v1/agreements/" + id + "/termination",
                Map.of(
                        "reason",
                        "Samarbetet avslutas",
                        "effectiveOn",
                        Fixtures.today().toString()));
        secretariat.command("/api/v1/agreements/" + id + "/archival", Map.of());
        JsonNode before = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/documents")
                .json();
        JsonNode named = before.get("documents").get(before.get("documents").size() - 1);
        assertThat(named.get("sha256").asString()).isEqualTo(reportSha);
        assertThat(named.get("held").asBoolean()).isFalse();
        assertThat(named.get("stored").isNull()).isTrue();
        long events = eventsOf(id);

        upload("slutrapport.pdf", report);

        JsonNode after = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/documents")
                .json();
        assertThat(after.get("documents")
                        .get(after.get("documents").size() - 1)
                        .get("held")
                        .asBoolean())
                .isTrue();
        assertThat(eventsOf(id))
                .as("uploading is no command: the archived stream is as it was")
                .isEqualTo(events);
        Map<String, byte[]> files = unzip(secretariat
                .reader("auditor")
                .download("/api/v1/agreements/" + id + "/archive-package")
                .bytes());
        assertThat(files.get("uuid-" + id + "/representations/rep1/data/documents/" + reportSha + ".pdf"))
                .isEqualTo(report);
        assertThat(api.as("auditor")
                        .get(DOCUMENTS + "/" + reportSha)
                        .json()
                        .get("namedBy")
                        .get(0)
                        .get("kind")
                        .asString())
                .isEqualTo("FINAL_REPORT");
    }

    @Test
    void uploadsCoopDoesNotKeepAreRefusedAndLeaveNothing() throws Exception {
        String word = UUID.randomUUID().toString();
        long rows = storedRows();

        Api.Answer zipAsDocx = api.as("secretariat").upload(DOCUMENTS, "avtal.docx", SampleFiles.zipWithProgram(word));
        assertThat(zipAsDocx.status()).as(zipAsDocx.toString()).isEqualTo(415);
        assertThat(zipAsDocx.json().get("errorCode").asString()).isEqualTo("DOCUMENT_TYPE_NOT_ALLOWED");
        assertThat(zipAsDocx.json().get("detail").asString()).contains("application/zip");
        assertThat(zipAsDocx.json().get("violations").get(0).get("field").asString())
                .isEqualTo("file");

        Api.Answer html = api.as("secretariat")
                .upload(
                        DOCUMENTS,
                        "sida.pdf",
                        ("<html><body>" + word + "</body></html>").getBytes(StandardCharsets.UTF_8));
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.json().get("detail").asString()).contains("text/html");

        Api.Answer empty = api.as("secretariat").upload(DOCUMENTS, "tom.pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);

        Api.Answer noFile = api.as("secretariat").upload(DOCUMENTS, "fel", "x.txt", SampleFiles.text(word), Map.of());
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().get("violations").get(0).get("field").asString())
                .isEqualTo("file");

        // over the limit (2 MB in these tests): said at once by its length, and when sent without one
        byte[] large = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(large);
        Api.Answer tooLarge = api.as("secretariat").upload(DOCUMENTS, "stor.pdf", large);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("errorCode").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        Api.Answer chunked = api.as("secretariat").uploadChunked(DOCUMENTS, "stor.pdf", large);
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);

        // a body that ends before its closing boundary
        String boundary = "cut-" + word;
        byte[] whole = Api.multipart(boundary, "file", "avbruten.txt", SampleFiles.text(word), Map.of());
        String cut = new String(whole, 0, whole.length - boundary.length() - 8, StandardCharsets.ISO_8859_1);
        Api.Raw truncated = api.raw(
                "POST " + DOCUMENTS + " HTTP/1.1",
                "secretariat",
                List.of("Content-Type: multipart/form-data; boundary=" + boundary),
                cut);
        assertThat(truncated.status()).as(truncated.toString()).isEqualTo(400);

        // two files, or two names, in one upload: refused rather than one of them dropped; a name with a path refused
        Api.Answer twice = twoFileParts("file", word);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("violations").get(0).get("field").asString())
                .isEqualTo("file");
        Api.Answer nameFile = twoFileParts("fileName", word);
        assertThat(nameFile.status()).as(nameFile.toString()).isEqualTo(400);
        assertThat(nameFile.json().get("violations").get(0).get("field").asString())
                .isEqualTo("fileName");
        Api.Answer named = api.as("secretariat")
                .upload(DOCUMENTS, "file", "x.txt", SampleFiles.text(word), Map.of("fileName", "../../etc/x"));
        assertThat(named.status()).isEqualTo(400);
        assertThat(named.json().get("violations").get(0).get("field").asString())
                .isEqualTo("fileName");

        // multipart anywhere else is not read
        Api.Answer elsewhere = api.as("secretariat")
                .upload("/api/v1/agreements", "file", "x.pdf", SampleFiles.plainPdf(word), Map.of());
        assertThat(elsewhere.status()).isEqualTo(415);

        assertThat(storedRows()).as("nothing was kept of any of them").isEqualTo(rows);

        // what Coop keeps, told from its bytes whatever its name: a Word document, an OpenDocument text, plain text
        JsonNode docx = api.as("secretariat")
                .upload(DOCUMENTS, "avtal.bin", SampleFiles.docx(word))
                .json();
        assertThat(docx.get("mediaType").asString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        JsonNode odt = api.as("secretariat")
                .upload(DOCUMENTS, "avtal.docx", SampleFiles.odt(word))
                .json();
        assertThat(odt.get("mediaType").asString()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(odt.get("formatVersion").asString()).isEqualTo("1.2");
        assertThat(odt.get("pdfa").isNull()).isTrue();
        JsonNode plain = api.as("secretariat")
                .upload(DOCUMENTS, "avtal.txt", SampleFiles.plainPdf("plain " + word))
                .json();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.as("secretariat")
                                .get(DOCUMENTS + "/" + plain.get("sha256").asString())
                                .json()
                                .get("pdfa")
                                .get("status")
                                .asString())
                        .as("a plain PDF is kept, and said to be no PDF/A")
                        .isEqualTo("NOT_PDFA"));
    }

    @Test
    void aTextDescribedOtherwiseThanTheBytesCoopHoldsIsRefused() {
        byte[] text = SampleFiles.plainPdf("Text " + UUID.randomUUID());
        String sha = upload("text.pdf", text);
        long before = requestedEvents();
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.twoPartyDraft());
        draft.put("text", Map.of("sha256", sha, "title", "Avtal", "size", text.length + 1));
        Api.Answer wrongSize = api.as("secretariat").post("/api/v1/agreements", draft);
        assertThat(wrongSize.status()).isEqualTo(400);
        assertThat(wrongSize.json().get("violations").get(0).get("field").asString())
                .isEqualTo("text.size");
        draft.put("text", Map.of("sha256", sha, "title", "Avtal", "mediaType", "text/plain"));
        Api.Answer wrongType = api.as("secretariat").post("/api/v1/agreements", draft);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("violations").get(0).get("field").asString())
                .isEqualTo("text.mediaType");
        assertThat(requestedEvents()).isEqualTo(before);

        // an attachment of a document Coop does not hold must say its size and type itself
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        Api.Answer undescribed = api.as("secretariat")
                .post("/api/v1/agreements/" + id + "/documents", Map.of("title", "Bilaga", "sha256", "9".repeat(64)));
        assertThat(undescribed.status()).isEqualTo(400);
        assertThat(undescribed.json().get("violations").findValuesAsString("field"))
                .containsExactlyInAnyOrder("mediaType", "size");
    }

    @Test
    void whoMayReadRemoveAndCullADocument() throws Exception {
        String word = "behorighet-" + UUID.randomUUID();
        byte[] extract = SampleFiles.plainPdf("Protokollsutdrag " + word);
        String minutes = upload("protokoll.pdf", extract);
        String meeting = upload("mote.txt", SampleFiles.text("Mötesprotokoll " + word));
        String content = DOCUMENTS + "/" + minutes + "/content";

        // no agreement names it yet: only a secretariat reads it; an operator sees it without its bytes
        assertThat(api.as("secretariat").download(content).status()).isEqualTo(200);
        assertThat(api.as("auditor").download(content).status()).isEqualTo(403);
        assertThat(api.as("reviewer").download(content).status()).isEqualTo(403);
        assertThat(api.as("operator").download(content).status()).isEqualTo(403);
        assertThat(api.as("operator").get(DOCUMENTS + "/" + minutes).status()).isEqualTo(200);
        assertThat(api.as("reviewer").get(DOCUMENTS + "/" + minutes).status()).isEqualTo(403);

        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Fixtures.draft(word));
        secretariat.command(
                "/api/v1/agreements/" + id + "/documents",
                Map.of("title", "Protokollsutdrag", "sha256", minutes, "kind", "MINUTES_EXTRACT"));
        secretariat.command(
                "/api/v1/agreements/" + id + "/documents",
                Map.of("title", "Mötesprotokoll", "sha256", meeting, "kind", "REVIEW_MINUTES"));
        secretariat.read("auditor", "/api/v1/agreements/" + id);
        assertThat(api.as("auditor").download(content).status()).isEqualTo(200);
        assertThat(api.as("reviewer").download(content).status())
                .as("a reviewer reads texts and meetings' minutes only")
                .isEqualTo(403);
        assertThat(api.as("reviewer").get(DOCUMENTS + "/" + minutes).status())
                .as("but sees what the agreement's list shows of it")
                .isEqualTo(200);
        assertThat(api.as("reviewer")
                        .download(DOCUMENTS + "/" + meeting + "/content")
                        .status())
                .isEqualTo(200);

        // a named document is never removed; an unnamed upload is, within its time
        Api.Answer named = api.as("secretariat").delete(DOCUMENTS + "/" + minutes);
        assertThat(named.status()).isEqualTo(409);
        assertThat(named.json().get("errorCode").asString()).isEqualTo("DOCUMENT_NAMED");
        String mistake = upload("fel.txt", SampleFiles.text("Fel fil " + word));
        assertThat(api.as("auditor").delete(DOCUMENTS + "/" + mistake).status()).isEqualTo(403);
        assertThat(api.as("secretariat").delete(DOCUMENTS + "/" + mistake).status())
                .isEqualTo(204);
        assertThat(api.as("secretariat").get(DOCUMENTS + "/" + mistake).status())
                .isEqualTo(404);

        // culled by an operator under the archive authority's decision: the bytes go, the record stays
        long events = eventsOf(id);
        Api.Answer future = api.as("operator")
                .post(
                        DOCUMENTS + "/" + minutes + "/culling",
                        Map.of(
                                "decision",
                                "RA-MS 2099:1",
                                "decidedOn",
                                Fixtures.today().plusDays(1).toString()));
        assertThat(future.status()).isEqualTo(409);
        assertThat(api.as("secretariat")
                        .post(
                                DOCUMENTS + "/" + minutes + "/culling",
                                Map.of("decision", "x", "decidedOn", "2026-01-01"))
                        .status())
                .isEqualTo(403);
        Api.Answer culled = api.as("operator")
                .post(
                        DOCUMENTS + "/" + minutes + "/culling",
                        Map.of(
                                "decision",
                                "Kommunstyrelsen i Halmstad, KS 2026/12: protokollsutdrag gallras efter två år",
                                "decidedOn",
                                Fixtures.today().toString()));
        assertThat(culled.status()).as(culled.toString()).isEqualTo(200);
        assertThat(culled.json().get("held").asBoolean()).isFalse();
        assertThat(culled.json().get("culled").get("culledBy").asString()).isEqualTo("operator");
        assertThat(api.as("secretariat").download(content).status()).isEqualTo(410);
        Api.Answer again = api.as("secretariat").upload(DOCUMENTS, "igen.pdf", extract);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.json().get("errorCode").asString()).isEqualTo("DOCUMENT_CULLED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document_chunk WHERE sha256 = ?", Long.class, minutes))
                .isZero();
        assertThat(eventsOf(id)).as("culling writes no event").isEqualTo(events);
        JsonNode dossier = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/dossier?format=json")
                .json();
        JsonNode listed = dossier.get("documents").get("documents").get(1);
        assertThat(listed.get("sha256").asString()).isEqualTo(minutes);
        assertThat(listed.get("held").asBoolean()).isFalse();
        assertThat(listed.get("stored").get("culled").get("decision").asString())
                .contains("KS 2026/12");
        Map<String, byte[]> files = unzip(secretariat
                .reader("operator")
                .download("/api/v1/agreements/" + id + "/archive-package")
                .bytes());
        String premis =
                new String(files.get("uuid-" + id + "/metadata/preservation/premis.xml"), StandardCharsets.UTF_8);
        assertThat(premis).contains("<eventType>deletion</eventType>", minutes, "KS 2026/12");
        assertThat(files.keySet()).noneMatch(name -> name.contains(minutes));
    }

    @Test
    void aDocumentIsReadInRangesUnderItsHashAndName() {
        byte[] bytes = SampleFiles.text("Protokoll " + UUID.randomUUID());
        String sha = SampleFiles.sha256(bytes);
        Api.Answer stored = api.as("secretariat").upload(DOCUMENTS, "Protokoll Åsa \"§ 45\".txt", bytes);
        assertThat(stored.status()).isEqualTo(201);
        String content = DOCUMENTS + "/" + sha + "/content";

        Api.Download whole = api.as("secretariat").download(content);
        assertThat(whole.bytes()).isEqualTo(bytes);
        assertThat(whole.header("Content-Type")).startsWith("text/plain");
        assertThat(whole.header("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(whole.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"Protokoll _sa __ 45_.txt\";"
                        + " filename*=UTF-8''Protokoll%20%C3%85sa%20%22%C2%A7%2045%22.txt");

        Api.Download first = api.as("secretariat").header("Range", "bytes=0-8").download(content);
        assertThat(first.status()).isEqualTo(206);
        assertThat(first.header("Content-Range")).isEqualTo("bytes 0-8/" + bytes.length);
        assertThat(new String(first.bytes(), StandardCharsets.UTF_8)).isEqualTo("Protokoll");
        Api.Download last = api.as("secretariat").header("Range", "bytes=-5").download(content);
        assertThat(last.bytes()).isEqualTo(java.util.Arrays.copyOfRange(bytes, bytes.length - 5, bytes.length));
        Api.Download outside =
                api.as("secretariat").header("Range", "bytes=100000-").download(content);
        assertThat(outside.status()).isEqualTo(416);
        assertThat(outside.header("Content-Range")).isEqualTo("bytes */" + bytes.length);
        assertThat(outside.json().get("errorCode").asString()).isEqualTo("RANGE_NOT_SATISFIABLE");

        // a name not of the type found in the bytes is never given back alone: text named .js downloads as .js.txt
        byte[] script = SampleFiles.text("new ActiveXObject('WScript.Shell') " + UUID.randomUUID());
        assertThat(api.as("secretariat")
                        .upload(DOCUMENTS, "Protokoll KS 2026.pdf.js", script)
                        .status())
                .isEqualTo(201);
        assertThat(api.as("secretariat")
                        .download(DOCUMENTS + "/" + SampleFiles.sha256(script) + "/content")
                        .header("Content-Disposition"))
                .endsWith("filename*=UTF-8''Protokoll%20KS%202026.pdf.js.txt");
        Api.Download notModified =
                api.as("secretariat").header("If-None-Match", "\"" + sha + "\"").download(content);
        assertThat(notModified.status()).isEqualTo(304);
        Api.Answer head = api.as("secretariat").head(content);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(bytes.length));
        assertThat(api.as("secretariat").get(DOCUMENTS + "/not-a-hash").status())
                .isEqualTo(404);
        assertThat(api.as("secretariat").get(DOCUMENTS + "/" + "0".repeat(64)).status())
                .isEqualTo(404);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
