package se.coop.app.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;
import se.coop.api.AgreementId;
import se.coop.app.support.Api;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.query.extract.DossierRenderer;
import se.coop.query.extract.Dossiers;
import se.coop.query.extract.HeavyExtracts;
import tools.jackson.databind.JsonNode;

/**
 * Issue 28, finding 1: a dossier of 1,519 pages took 3 GB of memory while it rendered, went on for minutes after its
 * client had gone, and nothing made a large one in the background. It is now rendered in parts (in the tests, of 8
 * rows each, so every dossier here is several parts joined), answered as it is made — so a client that has gone stops
 * it — and made in the background for its reader alone when it is too large to answer in time or the reader asks so
 * ({@code Prefer: respond-async}). The memory it takes is measured by coop-bench (docs/performance.md).
 */
class LargeDossiersTest extends IntegrationTest {

    /**
     * A database of its own: its hundreds of documents' events would otherwise precede every later test's replay of the
     * shared one (RebuildTest replays all of it).
     */
    @org.springframework.test.context.DynamicPropertySource
    static void ownDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add(OWN_DATABASE, () -> se.coop.app.support.TestDatabase.url("large_dossiers"));
    }

    @Test
    void onADatabaseOfItsOwn() {
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                .isEqualTo("large_dossiers");
    }

    @Autowired
    private DossierRenderer renderer;

    @Autowired
    private Dossiers dossiers;

    @Autowired
    private HeavyExtracts heavy;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private se.coop.query.extract.ExtractJobs jobs;

    @Test
    void aDossierRenderedInPartsIsOnePdfAThatVeraPdfPassesEveryPageNumberedEveryEventInOrder() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.inForce(secretariat, "parts");
        attach(secretariat, id, 10);
        secretariat.read("auditor", "/api/v1/agreements/" + id + "/history");
        int parts = renderer.parts(dossiers.of(AgreementId.of(id), null, null, "sv", "auditor"));
        assertThat(parts).as("rendered in parts").isGreaterThan(3);

        byte[] pdf = api.as("auditor")
                .download("/api/v1/agreements/" + id + "/dossier?format=pdf")
                .bytes();
        assertThat(new String(pdf, 0, 10, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.7\n%");
        assertThat(veraPdf(pdf).isCompliant())
                .as("PDF/A-2b, as veraPDF finds it")
                .isTrue();
        assertExactOffsets(pdf);

        JsonNode events = api.as("auditor")
                .get("/api/v1/agreements/" + id + "/dossier?format=json")
                .json()
                .get("events");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(parts);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).contains(page + " / " + pages);
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            String text = stripper.getText(document);
            int at = 0;
            for (JsonNode event : events) {
                int found = text.indexOf(event.get("chainHash").asString(), at);
                assertThat(found)
                        .as("event %s's chain hash, after the one before it", event.get("sequence"))
                        .isGreaterThan(at);
                at = found;
            }
        }
    }

    @Test
    void aClientThatGoesAwayStopsTheRenderAtTheNextPart() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.inForce(secretariat, "gone");
        attach(secretariat, id, 40);
        secretariat.read("auditor", "/api/v1/agreements/" + id + "/history");
        DistributionSummary abandoned = meters.summary("coop.extracts.abandoned");
        long before = abandoned.count();
        await().atMost(Duration.ofSeconds(60)).until(() -> heavy.running() == 0);

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET /api/v1/agreements/" + id + "/dossier?format=pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Authorization: Basic "
                                    + Base64.getEncoder().encodeToString("auditor:auditor".getBytes())
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            // the answer starts at once, before the first part is rendered: the reader sees it coming, then leaves
            String start = readUntil(socket.getInputStream(), "%PDF-1.7");
            assertThat(start).startsWith("HTTP/1.1 200").contains("application/pdf");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> abandoned.count() > before);
        assertThat(abandoned.max())
                .as("how far the render had come when it stopped: not to its end")
                .isLessThan(1.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> heavy.running() == 0);
    }

    @Test
    void preferRespondAsyncMakesItInTheBackgroundForItsReaderAloneWhoMayCancelIt() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.archived(secretariat, "background");
        secretariat.read("auditor", "/api/v1/agreements/" + id + "/history");
        await().atMost(Duration.ofSeconds(60)).until(() -> heavy.running() == 0);

        Api.Answer accepted = api.as("auditor")
                .header("Prefer", "respond-async, wait=5")
                .get("/api/v1/agreements/" + id + "/dossier?format=pdf");
        assertThat(accepted.status()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).matches("/api/v1/extracts/[0-9a-f-]{36}");
        assertThat(accepted.json().get("kind").asString()).isEqualTo("DOSSIER_PDF");
        assertThat(accepted.json().get("agreementId").asString()).isEqualTo(id);
        assertThat(accepted.json().get("total").asInt()).isGreaterThan(1);

        JsonNode done = awaitDone(location, "auditor");
        assertThat(done.get("done").asInt()).isEqualTo(done.get("total").asInt());
        Api.Download file = api.as("auditor").download(done.get("file").asString());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(file.header("Content-Disposition")).contains("dossier-" + id + ".pdf");
        assertThat(HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(file.bytes())))
                .isEqualTo(done.get("sha256").asString());
        assertThat(veraPdf(file.bytes()).isCompliant()).isTrue();
        assertThat(api.as("auditor")
                        .get("/api/v1/extracts")
                        .json()
                        .get(0)
                        .get("jobId")
                        .asString())
                .isEqualTo(done.get("jobId").asString());

        // another reader does not see it, nor its file
        Api.Answer other = api.as("operator").get(location);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("errorCode").asString()).isEqualTo("EXTRACT_NOT_FOUND");
        assertThat(api.as("operator").get(location + "/file").status()).isEqualTo(404);
        assertThat(api.as("operator").delete(location).status()).isEqualTo(404);

        // its reader removes it: the file is gone, the record stays
        assertThat(api.as("auditor").delete(location).status()).isEqualTo(204);
        Api.Answer gone = api.as("auditor").get(location + "/file");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("errorCode").asString()).isEqualTo("EXTRACT_GONE");
        assertThat(api.as("auditor").get(location).json().get("removedAt").isNull())
                .isFalse();

        // a package asked for in the background is one too, for the operator who asked
        Api.Answer pack = api.as("operator")
                .header("Prefer", "respond-async")
                .get("/api/v1/agreements/" + id + "/archive-package");
        assertThat(pack.status()).isEqualTo(202);
        JsonNode packed = awaitDone(pack.header("Location"), "operator");
        assertThat(packed.get("kind").asString()).isEqualTo("ARCHIVE_PACKAGE");
        byte[] zip = api.as("operator").download(packed.get("file").asString()).bytes();
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries)
                .anyMatch(name -> name.endsWith("/data/dossier.pdf"))
                .anyMatch(name -> name.endsWith("/METS.xml"));
    }

    @Test
    void aJobCancelledWhileItRunsStopsAndFreesItsTurn() {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.inForce(secretariat, "cancelled");
        attach(secretariat, id, 40);
        secretariat.read("auditor", "/api/v1/agreements/" + id + "/history");
        await().atMost(Duration.ofSeconds(60)).until(() -> heavy.running() == 0);

        Api.Answer accepted = api.as("auditor")
                .header("Prefer", "respond-async")
                .get("/api/v1/agreements/" + id + "/dossier?format=pdf");
        assertThat(accepted.status()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(api.as("auditor").delete(location).status()).isEqualTo(204);
        JsonNode job = api.as("auditor").get(location).json();
        assertThat(job.get("state").asString()).isIn("CANCELLED", "DONE");
        await().atMost(Duration.ofSeconds(60)).until(() -> heavy.running() == 0);
        assertThat(api.as("auditor").get(location + "/file").status()).isEqualTo(410);
        if (job.get("state").asString().equals("CANCELLED")) {
            assertThat(api.as("auditor").get(location).json().get("done").asInt())
                    .as("stopped before its last part")
                    .isLessThan(job.get("total").asInt());
        }
    }

    @Test
    void oneJobInTheBackgroundPerReaderWhoseSmallExtractsAreAnsweredMeanwhileAndWhoKeepsFiveFiles() {
        Secretariat secretariat = new Secretariat(api);
        String big = Fixtures.inForce(secretariat, "onejob");
        attach(secretariat, big, 40);
        String small = Fixtures.archived(secretariat, "fivefiles");
        secretariat.read("auditor", "/api/v1/agreements/" + big + "/history");
        secretariat.read("auditor", "/api/v1/agreements/" + small + "/history");
        await().atMost(Duration.ofSeconds(60)).until(() -> heavy.running() == 0);

        Api.Answer first = api.as("auditor")
                .header("Prefer", "respond-async")
                .get("/api/v1/agreements/" + big + "/dossier?format=pdf");
        assertThat(first.status()).isEqualTo(202);
        Api.Answer second = api.as("auditor")
                .header("Prefer", "respond-async")
                .get("/api/v1/agreements/" + small + "/dossier?format=pdf");
        if (api.as("auditor")
                .get(first.header("Location"))
                .json()
                .get("state")
                .asString()
                .equals("RUNNING")) {
            assertThat(second.status()).as("a second job while the first runs").isEqualTo(429);
            assertThat(second.json().get("errorCode").asString()).isEqualTo("TOO_MANY_REQUESTS");
        }
        assertThat(api.as("auditor")
                        .get("/api/v1/agreements/" + small + "/dossier?format=json")
                        .status())
                .as("a small extract meanwhile")
                .isEqualTo(200);
        awaitDone(first.header("Location"), "auditor");

        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api.Answer accepted = api.as("auditor")
                    .header("Prefer", "respond-async")
                    .get("/api/v1/agreements/" + small + "/dossier?format=pdf");
            assertThat(accepted.status()).isEqualTo(202);
            jobs.add(accepted.header("Location"));
            awaitDone(accepted.header("Location"), "auditor");
        }
        long kept = 0;
        for (JsonNode job : api.as("auditor").get("/api/v1/extracts").json()) {
            if (job.get("removedAt").isNull() && job.get("state").asString().equals("DONE")) {
                kept++;
            }
        }
        assertThat(kept).as("files kept for the reader").isEqualTo(5);
        assertThat(api.as("auditor").get(jobs.get(0) + "/file").status()).isEqualTo(410);
        assertThat(api.as("auditor").get(jobs.get(5) + "/file").status()).isEqualTo(200);
    }

    @Test
    void aJobThatFailsEvenWithAnErrorIsRecordedFailedAndAJobOfANodeThatIsGoneInterrupted() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> heavy.running() == 0);
        se.coop.query.extract.ExtractJob failing = jobs.start(
                heavy.take("failing-reader", "test"),
                "DOSSIER_PDF",
                AgreementId.of("00000000-0000-4000-8000-00000000000a"),
                "failing-reader",
                "x.pdf",
                org.springframework.http.MediaType.APPLICATION_PDF,
                1,
                (out, progress) -> {
                    throw new NoClassDefFoundError("a class the render needed");
                });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jobs.find(java.util.UUID.fromString(failing.jobId()), "failing-reader")
                        .orElseThrow()
                        .state()
                        .equals("FAILED"));
        assertThat(jobs.find(java.util.UUID.fromString(failing.jobId()), "failing-reader")
                        .orElseThrow()
                        .error())
                .contains("a class the render needed");
        await().atMost(Duration.ofSeconds(10)).until(() -> heavy.running() == 0);

        // a job left RUNNING by a process on this host that is gone
        java.util.UUID left = java.util.UUID.randomUUID();
        jdbc.update(
                "INSERT INTO extract_job (job_id, kind, agreement_id, requested_by, state, total, node, file_name,"
                        + " media_type, requested_at, updated_at) VALUES (?, 'DOSSIER_PDF', 'x', 'gone-reader',"
                        + " 'RUNNING', 3, ?, 'x.pdf', 'application/pdf', now(), now())",
                left,
                Long.MAX_VALUE + "@" + java.net.InetAddress.getLocalHost().getHostName());
        assertThat(jobs.interruptLeftBehind()).isGreaterThanOrEqualTo(1);
        assertThat(jobs.find(left, "gone-reader").orElseThrow().state()).isEqualTo("INTERRUPTED");
    }

    @Test
    void anExtractThatIsNotThereIsAProblemNamingIt() {
        Api.Answer unknown = api.as("auditor").get("/api/v1/extracts/00000000-0000-4000-8000-000000000009");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("errorCode").asString()).isEqualTo("EXTRACT_NOT_FOUND");
        assertThat(api.as("auditor").get("/api/v1/extracts/not-a-job").status()).isEqualTo(404);
        assertThat(api.as("secretariat").get("/api/v1/extracts").status()).isEqualTo(403);
    }

    private JsonNode awaitDone(String location, String reader) {
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            job[0] = api.as(reader).get(location).json();
            assertThat(job[0].get("state").asString()).isIn("RUNNING", "DONE");
            return job[0].get("state").asString().equals("DONE");
        });
        return job[0];
    }

    /** Attaches {@code count} documents (named, not uploaded): each a row of documents, history and events. */
    private void attach(Secretariat secretariat, String id, int count) {
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < count; i++) {
            byte[] sha = new byte[32];
            java.util.concurrent.ThreadLocalRandom.current().nextBytes(sha);
            Api.Answer attached = api.as("secretariat")
                    .post(
                            "/api/v1/agreements/" + id + "/documents",
                            "{\"title\":\"Bilaga " + (i + 1) + "\",\"sha256\":\"" + hex.formatHex(sha)
                                    + "\",\"mediaType\":\"application/pdf\",\"size\":" + (20_000 + i) + "}");
            assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        }
    }

    private static ValidationResult veraPdf(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser =
                Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false);
            return validator.validate(parser);
        }
    }

    /** Every object where the cross-reference table says it is, the table where startxref says. */
    private static void assertExactOffsets(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int startxref = Integer.parseInt(
                text.substring(text.lastIndexOf("startxref") + 9).strip().split("\\s+")[0]);
        assertThat(text.substring(startxref)).startsWith("xref");
        String[] lines = text.substring(startxref).split("\r\n|\n");
        int line = 1;
        int checked = 0;
        while (!lines[line].startsWith("trailer")) {
            String[] subsection = lines[line].strip().split(" ");
            int first = Integer.parseInt(subsection[0]);
            int count = Integer.parseInt(subsection[1]);
            for (int i = 0; i < count; i++) {
                String entry = lines[line + 1 + i];
                if (entry.strip().endsWith("n")) {
                    int offset = Integer.parseInt(entry.substring(0, 10));
                    int generation = Integer.parseInt(entry.substring(11, 16));
                    assertThat(text.substring(offset)).startsWith((first + i) + " " + generation + " obj");
                    checked++;
                }
            }
            line += 1 + count;
        }
        assertThat(checked).isGreaterThan(10);
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            seen.write(b);
        }
        return seen.toString(StandardCharsets.ISO_8859_1);
    }
}
