package se.coop.app.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.RawEvents;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import se.coop.rules.AppealWindow;
import tools.jackson.databind.JsonNode;

/** The audit dossier: PDF/A-2b for people and JSON with the raw events for machines, the same content in both. */
class DossierTest extends IntegrationTest {

    private static final String HALMSTAD_CASE = "KS 2019/1000";
    private static final String LAHOLM_CASE = "KS 2019/1001";

    @Test
    void thePdfIsPdfA2bWithItsFontsEmbeddedAndShowsTheDecisionsAndTheHeadHash() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.inForce(secretariat, "dossierpdf");
        String headHash = verification(secretariat, id).get("headHash").asString();
        Api.Download pdf = secretariat.reader("auditor").download("/api/v1/agreements/" + id + "/dossier?format=pdf");

        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains("dossier-" + id + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            XMPMetadata xmp = new DomXmpParser()
                    .parse(document.getDocumentCatalog().getMetadata().toByteArray());
            PDFAIdentificationSchema pdfa = xmp.getPDFAIdentificationSchema();
            assertThat(pdfa.getPart()).isEqualTo(2);
            assertThat(pdfa.getConformance()).isEqualTo("B");
            assertThat(document.getDocumentCatalog().getOutputIntents()).isNotEmpty();
            assertThat(fonts(document))
                    .isNotEmpty()
                    .allSatisfy(font ->
                            assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            String text = new PDFTextStripper().getText(document);
            String joined = text.replaceAll("\\s+", "");
            LocalDate decided = Fixtures.today().minusDays(40);
            LocalDate lastDay = AppealWindow.lastDay(decided.plusDays(1));
            assertThat(text)
                    .contains("Revisionsakt")
                    .contains("Samverkan om Øresund och Kattegatt – dossierpdf")
                    .contains("Samarbejde om Øresund og Kattegat")
                    .contains("Laholms kommun")
                    .contains("Kommunstyrelsen")
                    .contains(decided.toString())
                    .contains(lastDay.toString())
                    .contains(lastDay.plusDays(1).toString());
            assertThat(joined)
                    .contains((HALMSTAD_CASE + "§10").replace(" ", ""))
                    .contains((LAHOLM_CASE + "§11").replace(" ", ""))
                    .contains(headHash);

            // issue 28, finding 12: dates, hashes and timestamps wrapped across lines, so searching the text found
            // none of them. Every event's chain hash and time (ISO 8601), the text's SHA-256 and the head hash are
            // found whole, as a reader searching the PDF types them
            JsonNode events = secretariat
                    .reader("auditor")
                    .get("/api/v1/agreements/" + id + "/events")
                    .json()
                    .get("events");
            assertThat(events).isNotEmpty();
            for (JsonNode event : events) {
                assertThat(text)
                        .contains(event.get("chainHash").asString())
                        .contains(event.get("recordedAt").asString());
            }
            String textSha = secretariat
                    .read("auditor", "/api/v1/agreements/" + id)
                    .json()
                    .get("textSha256")
                    .asString();
            assertThat(text).contains(headHash).contains(textSha).contains(id);
        }
    }

    @Test
    void theJsonHoldsTheSameContentAndEveryEventAsStoredSoTheChainCanBeRecomputed() {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.inForce(secretariat, "dossierjson");
        JsonNode verification = verification(secretariat, id);
        JsonNode dossier = secretariat
                .reader("auditor")
                .get("/api/v1/agreements/" + id + "/dossier?format=json&lang=en")
                .json();

        assertThat(dossier.get("extractedBy").asString()).isEqualTo("auditor");
        assertThat(dossier.get("lang").asString()).isEqualTo("en");
        assertThat(dossier.get("agreement").get("title").get("da").asString())
                .isEqualTo("Samarbejde om Øresund og Kattegat – dossierjson");
        assertThat(dossier.get("agreement").get("state").asString()).isEqualTo("IN_FORCE");
        JsonNode decisions = dossier.get("records").get("decisions");
        assertThat(decisions).hasSize(2);
        LocalDate decided = Fixtures.today().minusDays(40);
        JsonNode halmstad = decisions.get(0);
        assertThat(halmstad.get("caseNumber").asString()).isEqualTo(HALMSTAD_CASE);
        assertThat(halmstad.get("paragraph").asString()).isEqualTo("§ 10");
        assertThat(halmstad.get("body").asString()).isEqualTo("Kommunstyrelsen");
        assertThat(halmstad.get("minutesPostedOn").asString())
                .isEqualTo(decided.plusDays(1).toString());
        LocalDate lastDay = AppealWindow.lastDay(decided.plusDays(1));
        assertThat(halmstad.get("appealWindowEndsOn").asString()).isEqualTo(lastDay.toString());
        assertThat(halmstad.get("finality").asString()).isEqualTo("FINAL");
        assertThat(halmstad.get("legallyFinalOn").asString())
                .isEqualTo(lastDay.plusDays(1).toString());
        assertThat(dossier.get("records").get("signatures")).hasSize(2);
        assertThat(dossier.get("history")).isNotEmpty();
        assertThat(dossier.get("history").get(0).get("summary").asString()).contains("drafted");
        assertThat(dossier.get("verification").get("intact").asBoolean()).isTrue();
        assertThat(dossier.get("verification").get("headHash").asString())
                .isEqualTo(verification.get("headHash").asString());
        assertThat(dossier.get("events")).hasSize(verification.get("events").asInt());
        assertThat(RawEvents.recomputeChain(dossier))
                .isEqualTo(verification.get("headHash").asString());
        String stored = jdbc.queryForObject(
                "SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                String.class,
                id);
        assertThat(dossier.get("events").get(0).get("recordedAt").asString()).isEqualTo(stored);
    }

    @Test
    void asOfShowsTheRecordAsItWasThen() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Fixtures.draft("dossierasof"));
        secretariat.submit(id);
        JsonNode first = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/events")
                .json();
        String submittedAt = first.get("events").get(1).get("recordedAt").asString();
        passTime(OffsetDateTime.ofInstant(TestClock.INSTANCE.instant().plusSeconds(60), ZoneOffset.UTC));
        secretariat.sign(id, "halmstad", Bodies.TEXT_V1, Fixtures.today().toString());

        JsonNode then = secretariat
                .reader("auditor")
                .get("/api/v1/agreements/" + id + "/dossier?format=json&asOf=" + submittedAt.replace("+", "%2B"))
                .json();
        JsonNode now = secretariat
                .reader("auditor")
                .get("/api/v1/agreements/" + id + "/dossier?format=json")
                .json();
        assertThat(then.get("agreement").get("state").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(then.get("records").get("signatures")).isEmpty();
        assertThat(now.get("records").get("signatures")).hasSize(1);
        assertThat(then.get("history")).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource({
        "application/pdf, application/pdf",
        "application/json, application/json",
        "'text/html,application/xhtml+xml,*/*;q=0.8', application/pdf",
        "'application/json;q=0.5, application/pdf', application/pdf",
        "*/*, application/json",
        "'application/json;q=0, */*', application/pdf",
        "'application/*;q=0, application/json', application/json"
    })
    void withoutFormatTheAcceptHeaderChooses(String accept, String expected) {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Fixtures.draft("dossieraccept"));
        Api.Download answer = secretariat
                .reader("auditor")
                .header("Accept", accept)
                .download("/api/v1/agreements/" + id + "/dossier");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith(expected);
    }

    @Test
    void badRequestsAreRefusedWithAProblemNamingWhatIsWrong() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Fixtures.draft("dossierbad"));
        secretariat.read("auditor", "/api/v1/agreements/" + id);
        String path = "/api/v1/agreements/" + id + "/dossier";

        Api.Answer format = api.as("auditor").get(path + "?format=docx");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.header("Content-Type")).startsWith("application/problem+json");
        assertThat(format.json().get("violations").get(0).get("field").asString())
                .isEqualTo("format");
        assertThat(format.body()).contains("json, pdf");

        Api.Answer accept = api.as("auditor").header("Accept", "image/png").get(path);
        assertThat(accept.status()).isEqualTo(406);
        assertThat(api.as("auditor").header("Accept", "text/*").get(path).status())
                .isEqualTo(406);
        assertThat(accept.json().get("errorCode").asString()).isEqualTo("NOT_ACCEPTABLE");

        Api.Answer lang = api.as("auditor").get(path + "?lang=fr");
        assertThat(lang.status()).isEqualTo(400);
        assertThat(lang.json().get("violations").get(0).get("field").asString()).isEqualTo("lang");

        Api.Answer both = api.as("auditor").get(path + "?asOf=2026-01-01T00:00:00Z&validOn=2026-01-01");
        assertThat(both.status()).isEqualTo(400);

        Api.Answer unknown =
                api.as("auditor").get("/api/v1/agreements/00000000-0000-4000-8000-000000000000/dossier?format=pdf");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("errorCode").asString()).isEqualTo("AGREEMENT_NOT_FOUND");

        assertThat(api.as("secretariat").get(path).status()).isEqualTo(403);
        assertThat(api.as("operator").get(path).status()).isEqualTo(403);
        assertThat(api.anonymous().get(path).status()).isEqualTo(401);
    }

    /** A decision whose appeal window still runs is not called legally final, in JSON or in the PDF. */
    @Test
    void aDecisionStillOpenToAppealIsNotYetLegallyFinal() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Fixtures.draft("dossieropen"));
        secretariat.submit(id);
        LocalDate today = Fixtures.today();
        Map<String, Object> adoption =
                new LinkedHashMap<>(Bodies.adoption("halmstad", Bodies.TEXT_V1, today.toString()));
        adoption.put("minutesPostedOn", today.toString());
        secretariat.command("/api/v1/agreements/" + id + "/board-decisions", adoption);
        secretariat.command(
                "/api/v1/agreements/" + id + "/links",
                Map.of("type", "SUCCEEDS", "otherAgreementId", Fixtures.inForce(secretariat, "dossierlinked")));

        JsonNode dossier = secretariat
                .reader("auditor")
                .get("/api/v1/agreements/" + id + "/dossier?format=json")
                .json();
        JsonNode decision = dossier.get("records").get("decisions").get(0);
        LocalDate lastDay = AppealWindow.lastDay(today);
        assertThat(decision.get("finality").asString()).isEqualTo("OPEN");
        assertThat(decision.get("legallyFinalOn").asString())
                .isEqualTo(lastDay.plusDays(1).toString());
        assertThat(dossier.get("links").get(0).get("otherTitle").asString())
                .isEqualTo("Samverkan om Øresund och Kattegatt – dossierlinked");
        Api.Download pdf = secretariat.reader("auditor").download("/api/v1/agreements/" + id + "/dossier?format=pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("från " + lastDay.plusDays(1) + " om inte överklagat")
                    .doesNotContain("laga kraft " + lastDay.plusDays(1))
                    .contains("Samverkan om Øresund och Kattegatt – dossierlinked");
        }
    }

    private JsonNode verification(Secretariat secretariat, String id) {
        return secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/verification")
                .json();
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }
}
