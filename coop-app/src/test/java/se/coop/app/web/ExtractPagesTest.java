package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestDatabase;

/**
 * Issue 28, finding 1: a dossier or package too large to answer within {@code coop.extracts.answer-within} is made in
 * the background — here every one is (the time is 0 s). The API answers 202 with a Location; the page's link takes the
 * reader to the extract's page, which shows how far it has come and, when done, the file.
 */
class ExtractPagesTest extends IntegrationTest {

    /**
     * A context of its own, on a database of its own: two contexts on one database would share its processors' claims,
     * and the other context's tests would wait for processors that are not theirs.
     */
    @DynamicPropertySource
    static void everyExtractInTheBackground(DynamicPropertyRegistry registry) {
        registry.add(OWN_DATABASE, () -> TestDatabase.url("extracts"));
        registry.add("coop.extracts.answer-within", () -> "0s");
    }

    @Test
    void onADatabaseOfItsOwn() {
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                .isEqualTo("extracts");
    }

    @Test
    void tooLargeToAnswerInTimeTheApiAnswers202AndThePageLinkLeadsToTheExtractsPageAndItsFile() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.command("/api/v1/agreements/" + id + "/abandonment", Map.of("reason", "Inte aktuellt"));
        secretariat.command("/api/v1/agreements/" + id + "/archival", Map.of());
        secretariat.read("auditor", "/api/v1/agreements/" + id);

        // the API, without asking for it
        Api.Answer accepted = api.as("auditor").get("/api/v1/agreements/" + id + "/dossier?format=pdf");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Location")).startsWith("/api/v1/extracts/");
        awaitDone(accepted.header("Location"));
        // the JSON dossier needs no render: answered at once
        assertThat(api.as("auditor")
                        .get("/api/v1/agreements/" + id + "/dossier?format=json")
                        .status())
                .isEqualTo(200);

        // the page's link
        PageSession auditor = new PageSession(port).signIn("auditor");
        HttpResponse<String> followed = auditor.get("/agreements/" + id + "/dossier?format=pdf&lang=sv");
        assertThat(followed.statusCode()).isEqualTo(303);
        String page = followed.headers().firstValue("Location").orElseThrow();
        assertThat(page).matches("/extracts/[0-9a-f-]{36}");
        String jobId = page.substring("/extracts/".length());
        awaitDone("/api/v1/extracts/" + jobId);
        String shown = auditor.get(page).body();
        assertThat(shown)
                .contains("Revisionsakt (PDF)", "Klart.", "/extracts/" + jobId + "/file", "dossier-" + id + ".pdf")
                .doesNotContain("<progress");
        HttpResponse<String> file = auditor.get("/extracts/" + jobId + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(file.body()).startsWith("%PDF-1.");

        // its file removed from the page: the page says so, the link is gone
        HttpResponse<String> removed =
                auditor.post("/extracts/" + jobId + "/cancel", Map.of("_csrf", PageSession.csrf(shown)));
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(auditor.get(page).body()).contains("Filen togs bort").doesNotContain("/file\"");
        assertThat(auditor.get("/extracts/" + jobId + "/file").statusCode()).isEqualTo(410);

        // the package's link as well
        HttpResponse<String> pack = auditor.get("/agreements/" + id + "/archive-package");
        assertThat(pack.statusCode()).isEqualTo(303);
        String packPage = pack.headers().firstValue("Location").orElseThrow();
        awaitDone("/api/v1" + packPage);
        assertThat(auditor.get(packPage).body()).contains("Arkivpaket", ".zip");

        // another reader's extract is not found, on the page either
        PageSession operator = new PageSession(port).signIn("operator");
        assertThat(operator.get(page).statusCode()).isEqualTo(404);
    }

    @Test
    void onAPhoneTheExtractsPageFollowsItsProgressWithoutReloadingAndThenOffersTheFile() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        // enough rows for a render of many parts (8 rows each in the tests): it is still running when the page opens
        for (int i = 0; i < 120; i++) {
            byte[] sha = new byte[32];
            java.util.concurrent.ThreadLocalRandom.current().nextBytes(sha);
            assertThat(api.as("secretariat")
                            .post(
                                    "/api/v1/agreements/" + id + "/documents",
                                    "{\"title\":\"Bilaga " + i + "\",\"sha256\":\""
                                            + java.util.HexFormat.of().formatHex(sha)
                                            + "\",\"mediaType\":\"application/pdf\",\"size\":1000}")
                            .status())
                    .isEqualTo(201);
        }
        secretariat.read("auditor", "/api/v1/agreements/" + id + "/history");
        try (Browser browser = Browser.phone(port, "da")) {
            browser.signIn("auditor");
            browser.go("/agreements/" + id + "/dossier?format=pdf&lang=da");
            browser.waitFor(() -> browser.url().contains("/extracts/"));
            String page = browser.url();
            assertThat(browser.driver.findElements(org.openqa.selenium.By.tagName("progress")))
                    .as("still being made when its page opens")
                    .isNotEmpty();
            browser.assertFitsTheScreen("extract");
            browser.assertAccessible("extract");
            // the page is not loaded again: what it shows is fetched and put in place until the file is offered
            browser.driver.executeScript("window.sameDocument = true;");
            browser.waitFor(() -> !browser.driver
                    .findElements(org.openqa.selenium.By.id("extract-file"))
                    .isEmpty());
            assertThat(browser.driver.executeScript("return window.sameDocument === true;"))
                    .isEqualTo(true);
            assertThat(browser.url()).isEqualTo(page);
            assertThat(browser.text()).contains("Revisionsakt (PDF)", "Færdigt.", "Hent dossier-" + id + ".pdf");
            assertThat(browser.driver.findElements(org.openqa.selenium.By.id("pause-updates")))
                    .as("the update controls go once it is done")
                    .isEmpty();
            browser.assertFitsTheScreen("extract-done");
            browser.assertAccessible("extract-done");
            browser.assertNothingRefusedByThePolicy("extract");
        }
    }

    private void awaitDone(String location) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.as("auditor")
                        .get(location)
                        .json()
                        .get("state")
                        .asString()
                        .equals("DONE"));
    }
}
