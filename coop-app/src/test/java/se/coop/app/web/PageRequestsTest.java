package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.LargeRegister;
import se.coop.app.support.Secretariat;

/**
 * What the pages answer to requests no well-behaved browser sends: other roles, stale or forged forms, garbage in
 * addresses. Each is refused with a page (never JSON, never a 500) and nothing is written.
 */
class PageRequestsTest extends IntegrationTest {

    @Test
    void anAuditorWhoPicksBothDatesKeepsThePageAndWhatWasTypedAndAPartyNameInTheRegisterIsSearchedAsText() {
        String id = drafted();
        PageSession auditor = new PageSession(port).signIn("auditor");
        HttpResponse<String> both = auditor.get("/agreements/" + id + "?asOf=2026-01-15T10:00&validOn=2026-01-01");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body())
                .contains("id=\"error-summary\"", "id=\"form-pickers\"", "id=\"top\"")
                .contains("value=\"2026-01-15T10:00\"", "value=\"2026-01-01\"")
                .contains("href=\"#pickers-validOn\"", "id=\"pickers-validOn\"")
                .contains("fyll i bara ett av de två")
                .contains("Formuläret ”Visa avtalet som det var” skickades inte")
                .doesNotContain("give asOf or validOn", "form.pickers.title");
        // the events as stored, in local time beside the stored UTC
        String page = auditor.get("/agreements/" + id).body();
        assertThat(page).contains("Registrerad (lokal tid").containsPattern("<time datetime=\"20[0-9-]+T[0-9:.]+Z\">");

        PageSession clerk = new PageSession(port).signIn("secretariat");
        HttpResponse<String> byName = clerk.get("/?party=Laholms%20kommun");
        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(byName.body())
                .contains("”Laholms kommun” är inget part-id")
                .contains("/agreements/" + id)
                .doesNotContain("lower-case letters");
        assertThat(api.as("auditor")
                        .get("/api/v1/agreements?party=Laholms%20kommun")
                        .status())
                .as("the API names parties by id only")
                .isEqualTo(400);
    }

    @Test
    void theAccessibilityStatementIsReadWithoutSigningInInEachLanguageAndLinkedFromEveryPage() {
        PageSession anonymous = new PageSession(port);
        for (String[] language : new String[][] {
            {"sv", "Tillgänglighetsredogörelse", "lagen (2018:1937)"},
            {"da", "Tilgængelighedserklæring", "webtilgængelighedsloven"},
            {"en", "Accessibility statement", "WCAG 2.0, 2.1 and 2.2"}
        }) {
            HttpResponse<String> statement = anonymous.get("/accessibility?lang=" + language[0]);
            assertThat(statement.statusCode()).isEqualTo(200);
            assertThat(statement.body())
                    .contains("lang=\"" + language[0] + "\"", language[1], language[2])
                    .contains("axe-core", "375");
        }
        assertThat(anonymous.get("/login").body()).contains("href=\"/accessibility\"");
        assertThat(new PageSession(port).signIn("secretariat").get("/").body()).contains("href=\"/accessibility\"");
    }

    @Test
    void anOperatorReadsNoAgreementPageAndLandsOnTheOperationsPage() {
        String id = drafted();
        PageSession operator = new PageSession(port).signIn("operator");
        assertThat(operator.get("/agreements/" + id).statusCode()).isEqualTo(403);
        HttpResponse<String> home = operator.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/operator");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedWithAPageAndNothingIsWritten() {
        String id = drafted();
        long before = eventsOf(id);
        PageSession secretariat = new PageSession(port).signIn("secretariat");
        String page = secretariat.get("/agreements/" + id).body();
        Map<String, String> form = secretariat.formOf(page, Map.of("idempotencyKey", "page-csrf-test"));
        form.remove("_csrf");
        HttpResponse<String> answer = secretariat.post("/agreements/" + id + "/submit", form);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(answer.body()).contains("Formuläret hade gått ut");
        assertThat(eventsOf(id)).isEqualTo(before);
    }

    @Test
    void aFormsFileOverTheLimitOrFromSomeoneWhoRecordsNothingIsAnsweredWithAPageUnread() {
        long documents = jdbc.queryForObject("SELECT count(*) FROM document", Long.class);
        PageSession secretariat = new PageSession(port).signIn("secretariat");
        Map<String, String> form = secretariat.formOf(
                secretariat.get("/agreements/new").body(), Map.of("idempotencyKey", "page-too-large"));
        HttpResponse<String> tooLarge =
                secretariat.postWithFile("/agreements/new", form, "text.file", "stor.pdf", new byte[3 * 1024 * 1024]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(tooLarge.body()).contains("Filen är större än Coop sparar av en handling");

        PageSession reviewer = new PageSession(port).signIn("reviewer");
        Map<String, String> reviewersForm =
                Map.of("_csrf", PageSession.csrf(reviewer.get("/").body()));
        HttpResponse<String> forbidden =
                reviewer.postWithFile("/agreements/new", reviewersForm, "text.file", "avsikt.txt", "text".getBytes());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(forbidden.body()).contains("Din roll tillåter inte detta");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document", Long.class))
                .as("nothing kept")
                .isEqualTo(documents);
    }

    @Test
    void aDecisionWhoseAppealWindowRunsIsNotShownAsLegallyFinalYet() {
        // found on the walk: "laga kraft 15 december 2026" printed as a fact while the window was still open
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);
        java.time.LocalDate today = se.coop.api.BusinessTime.today(se.coop.app.support.TestClock.INSTANCE);
        for (String party : List.of("halmstad", "laholm")) {
            secretariat.sign(id, party, Bodies.TEXT_V1, today.toString());
            Map<String, Object> adoption =
                    new java.util.LinkedHashMap<>(Bodies.adoption(party, Bodies.TEXT_V1, today.toString()));
            adoption.put("minutesPostedOn", today.toString());
            secretariat.command("/api/v1/agreements/" + id + "/board-decisions", adoption);
        }
        secretariat.read("auditor", "/api/v1/agreements/" + id);
        String page =
                new PageSession(port).signIn("auditor").get("/agreements/" + id).body();
        assertThat(page).contains("om beslutet inte överklagas").doesNotContainPattern("laga kraft \\d");
    }

    @Test
    void whatNoPageAnswersIsAnsweredWithAPageAndTheApiKeepsItsProblems() {
        PageSession auditor = new PageSession(port).signIn("auditor");
        HttpResponse<String> unknown = auditor.get("/no-such-page");
        assertPage(unknown, 404, "Hittades inte");
        PageSession secretariat = new PageSession(port).signIn("secretariat");
        Map<String, String> form =
                Map.of("_csrf", PageSession.csrf(secretariat.get("/").body()));
        assertPage(secretariat.post("/calendar", form), 405, "Begäran gick inte att besvara");
        // a form's address opened as a page (a confirmation reloaded, the back button) leads to the form, sending
        // nothing
        String agreement = java.util.UUID.randomUUID().toString();
        for (String[] address : new String[][] {
            {"notice", "form-notice"}, {"remove-party", "form-remove"}, {"reviews/held", "form-held"}
        }) {
            HttpResponse<String> opened = secretariat.get("/agreements/" + agreement + "/" + address[0]);
            assertThat(opened.statusCode()).as(address[0]).isEqualTo(302);
            assertThat(opened.headers().firstValue("Location").orElseThrow())
                    .endsWith("/agreements/" + agreement + "#" + address[1]);
        }
        assertPage(secretariat.get("/agreements/no-such-agreement/notice"), 404, "Det finns inget sådant avtal.");
        Map<String, String> huge = new java.util.HashMap<>(form);
        huge.put("summary", "x".repeat(300 * 1024));
        assertPage(secretariat.post("/agreements/new", huge), 413, "Formuläret är för stort");
        assertPage(auditor.get("/?q=%00"), 400, "<title>");
        // the API's addresses keep problem+json
        Api.Answer api404 = api.as("auditor").get("/api/v1/no-such-thing");
        assertThat(api404.status()).isEqualTo(404);
        assertThat(api404.header("Content-Type")).startsWith("application/problem+json");
    }

    private static void assertPage(HttpResponse<String> answer, int status, String text) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(answer.body()).contains("<title>", "lang=\"sv\"", text, "href=\"/\"");
    }

    @Test
    void theBuiltInReviewerFindsTheMeetingsThatInviteItWhicheverMonthIsShown() {
        // the demo's built-in reviewer is the address the demo's planned meeting invites
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.inForce(
                Bodies.twoPartyDraft(),
                se.coop.api.BusinessTime.today(se.coop.app.support.TestClock.INSTANCE)
                        .minusDays(30));
        String word = "mote-" + java.util.UUID.randomUUID();
        secretariat.scheduleReview(
                id,
                se.coop.app.support.TestClock.afternoonIn(75),
                word,
                "Kommundirektör",
                "kommundirektor@halmstad.example.org");
        secretariat.read("reviewer", "/api/v1/reviews");
        String calendar =
                new PageSession(port).signIn("reviewer").get("/calendar").body();
        assertThat(calendar).contains("Dina kommande möten (kommundirektor@halmstad.example.org)", word);
    }

    @Test
    void aVersionThatIsNoNumberIsBadInputNotSomeoneElsesChange() {
        String id = drafted();
        long before = eventsOf(id);
        PageSession secretariat = new PageSession(port).signIn("secretariat");
        String page = secretariat.get("/agreements/" + id).body();
        Map<String, String> form = secretariat.formOf(page, Map.of("idempotencyKey", "page-version-test"));
        form.put("version", "abc");
        HttpResponse<String> answer = secretariat.post("/agreements/" + id + "/submit", form);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Några fält behöver rättas", "måste vara avtalets version");
        assertThat(eventsOf(id)).isEqualTo(before);
    }

    @Test
    void garbageInAPagesAddressIsBadInputLikeInTheApi() {
        PageSession auditor = new PageSession(port).signIn("auditor");
        assertThat(auditor.get("/?q=%00").statusCode()).isEqualTo(400);
        assertThat(auditor.get("/calendar?party=%00").statusCode()).isEqualTo(400);
        assertThat(auditor.get("/calendar?month=%2B999999999-12").statusCode()).isEqualTo(400);
        String id = drafted();
        assertThat(auditor.get("/agreements/" + id + "?validOn=0001-01-01").statusCode())
                .isEqualTo(400);
        assertThat(auditor.get("/agreements/" + id + "?asOf=9999-12-31T23:59").statusCode())
                .isEqualTo(400);
        assertThat(auditor.get("/agreements/" + id + "?asOf=%2B999999999-12-31T23:59:59")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aLanguageCookieNoPageSetIsIgnoredAndTheApiIsNotDisturbed() {
        String id = drafted();
        assertThat(api.as("reviewer")
                        .header("Cookie", "coop-lang=x@y")
                        .get("/api/v1/agreements/" + id)
                        .status())
                .isEqualTo(200);
        assertThat(api.as("reviewer")
                        .header("Cookie", "coop-lang=x@y")
                        .get("/actuator/health")
                        .status())
                .isEqualTo(200);
        PageSession reviewer = new PageSession(port).signIn("reviewer");
        HttpResponse<String> page = reviewer.get("/agreements/" + id, "Cookie", "coop-lang=de");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"sv\"");
    }

    @Test
    void aPartysFeedIsMadeFromTheCalendarFormAndABadPartyIdIsRefused() {
        PageSession secretariat = new PageSession(port).signIn("secretariat");
        String page = secretariat.get("/calendar").body();
        HttpResponse<String> made =
                secretariat.post("/calendar/feeds", secretariat.formOf(page, Map.of("party", "halmstad")));
        assertThat(made.statusCode()).isEqualTo(302);
        assertThat(made.headers().firstValue("Location").orElseThrow()).endsWith("/calendar?party=halmstad");
        String shown = secretariat.get("/calendar?party=halmstad").body();
        assertThat(shown).contains("/api/v1/calendar/").contains(".ics");
        HttpResponse<String> refused =
                secretariat.post("/calendar/feeds", secretariat.formOf(shown, Map.of("party", "Hylte Kommun")));
        assertThat(refused.statusCode()).isEqualTo(400);
        // refused with the API's reason, naming the field, by the same rule as a party in the API's addresses
        assertThat(refused.body())
                .contains("Några fält behöver rättas", "Part (id)", "ett part-id är 1–64 små bokstäver")
                .doesNotContain("a party id is 1 to 64");
    }

    @Test
    void theApiKeepsNoSessionAndNeedsNoCsrfToken() {
        Api.Answer answer = api.as("secretariat").post("/api/v1/agreements", Bodies.twoPartyDraft());
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Set-Cookie")).isNull();
    }

    /** A draft of its own, read back through the API once every read model has it, so pages show it at once. */
    @Test
    void aRegisterOfMoreThanTenThousandMatchesSaysSoAndPagesOnWithoutALastPage() {
        String id = drafted();
        String party = "bulk-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try {
            LargeRegister.copies(jdbc, id, party, 1, 10_001);
            String page = new PageSession(port)
                    .signIn("auditor")
                    .get("/?party=" + party)
                    .body();
            assertThat(page).containsPattern("Fler än 10.000 avtal");
            assertThat(page).contains("Sida 1</span>").contains("rel=\"next\"");
        } finally {
            LargeRegister.remove(jdbc, party);
        }
    }

    @Test
    void aRegisterPageBeyondTheLastShowsTheLast() {
        String id = drafted();
        String party = "pages-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try {
            LargeRegister.copies(jdbc, id, party, 1, 25);
            String page = new PageSession(port)
                    .signIn("auditor")
                    .get("/?party=" + party + "&page=" + Integer.MAX_VALUE)
                    .body();
            // the copies keep the draft's fold, so each row links to the draft: the last page holds 5 of the 25
            assertThat(page).contains("Sida 2 av 2<");
            assertThat(page.split("href=\"/agreements/" + id + "\"", -1)).hasSize(6);
        } finally {
            LargeRegister.remove(jdbc, party);
        }
    }

    private String drafted() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.read("auditor", "/api/v1/agreements/" + id);
        return id;
    }
}
