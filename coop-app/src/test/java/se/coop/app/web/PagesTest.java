package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.SampleFiles;
import se.coop.app.support.Secretariat;
import se.coop.app.support.Seeds;
import se.coop.app.support.Slow;
import se.coop.app.support.TestClock;

/**
 * Each kind of user at their task in a real browser (Debian's Chromium), as a person would do it: the secretariat
 * records Halmstad's seven adoptions through the forms, the auditor looks at Køge–Kristianstad as it stood in 2022,
 * the reviewer finds next month's meeting and copies the feed's address, the operator rebuilds a read model. Every
 * page is checked with axe-core for WCAG 2.0, 2.1 and 2.2 A and AA, and saved as a screenshot under target/screenshots.
 */
@Slow
class PagesTest extends IntegrationTest {

    private static final String[][] HALMSTAD = {
        {"halmstad", "Halmstads kommun", "MUNICIPALITY", "Kommunstyrelsen", "2020-01-22", "KS 2019/00412", "§ 18"},
        {"laholm", "Laholms kommun", "MUNICIPALITY", "Kommunstyrelsen", "2020-01-21", "KS 2019/377", "§ 9"},
        {"hylte", "Hylte kommun", "MUNICIPALITY", "Kommunstyrelsen", "2020-01-28", "KS 2019/0291", "§ 12"},
        {"ljungby", "Ljungby kommun", "MUNICIPALITY", "Kommunstyrelsen", "2020-02-04", "2019/KS 0512", "§ 31"},
        {"bastad", "Båstads kommun", "MUNICIPALITY", "Kommunstyrelsen", "2020-01-29", "Dnr KS 000842/2019", "§ 15"},
        {"falkenberg", "Falkenbergs kommun", "MUNICIPALITY", "Kommunstyrelsen", "2020-02-04", "KS 2019-601", "§ 22"},
        {
            "hogskolan-i-halmstad",
            "Högskolan i Halmstad",
            "UNIVERSITY",
            "Högskolestyrelsen",
            "2020-02-07",
            "L 2019/1187",
            "§ 7"
        }
    };

    private Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theSecretariatRecordsHalmstadsSevenAdoptionsThroughTheFormsAndSeesTheAgreementEnterIntoForce() {
        browser = Browser.open(port, "sv");
        browser.signIn("secretariat");
        browser.go("/agreements/new");
        browser.assertAccessible("the draft form");
        type("form-draft", "title.sv", "Avsiktsförklaring om samverkan för hållbar tillväxt runt Halmstad");
        choose("form-draft", "kind", "LETTER_OF_INTENT");
        choose("form-draft", "term.untilFurtherNotice", "true");
        type("form-draft", "term.noticePeriodMonths", "6");
        type("form-draft", "reviewCadenceMonths", "12");
        type("form-draft", "text.title", "Avsiktsförklaring – funktionella regionen Halmstad");
        byte[] text = SampleFiles.pdfA("Avsiktsförklaring – funktionella regionen Halmstad " + System.nanoTime());
        browser.in("form-draft", "text.file")
                .sendKeys(file("avsiktsforklaring.pdf", text).toString());
        for (int i = 0; i < HALMSTAD.length; i++) {
            if (i >= 2) {
                // the form starts with two parties; each further one is a row added, the form kept as typed
                press("form-draft", "addParty");
            }
            String row = "parties[" + i + "].";
            type("form-draft", row + "partyId", HALMSTAD[i][0]);
            type("form-draft", row + "name", HALMSTAD[i][1]);
            choose("form-draft", row + "kind", HALMSTAD[i][2]);
            choose("form-draft", row + "country", "SE");
            type("form-draft", row + "adoptingBody", HALMSTAD[i][3]);
        }
        browser.driver.findElement(By.id("draft-parties-0-lead")).click();
        browser.screenshot("draft-form");
        submit("form-draft");
        browser.waitFor(
                () -> browser.url().contains("/agreements/") && !browser.url().contains("/new"));
        assertThat(browser.text()).contains("Utkastet är registrerat.", "Utkast");
        String agreementId = browser.url().replaceAll(".*/agreements/([^?#]+).*", "$1");

        submit("form-submit");
        assertThat(browser.text()).contains("Väntar på godkännande");
        String textSha = SampleFiles.sha256(text);
        java.util.List<String> extracts = new java.util.ArrayList<>();
        for (String[] party : HALMSTAD) {
            byte[] extract = SampleFiles.plainPdf("Protokollsutdrag " + party[5] + " " + party[6] + " " + agreementId);
            extracts.add(SampleFiles.sha256(extract));
            browser.in("form-decide", "document.file")
                    .sendKeys(file("protokollsutdrag-" + party[0] + ".pdf", extract)
                            .toString());
            choose("form-decide", "partyId", party[0]);
            type("form-decide", "body", party[3]);
            date("form-decide", "decidedOn", party[4]);
            type("form-decide", "caseNumber", party[5]);
            type("form-decide", "paragraph", party[6]);
            choose("form-decide", "outcome", "ADOPTED");
            date(
                    "form-decide",
                    "minutesPostedOn",
                    LocalDate.parse(party[4]).plusDays(3).toString());
            submit("form-decide");
            assertThat(browser.text()).contains("Beslutet är registrerat.", party[5]);
            choose("form-sign", "partyId", party[0]);
            type("form-sign", "signatory.name", "Kommunstyrelsens ordförande");
            type("form-sign", "signatory.title", "ordförande, " + party[1]);
            date("form-sign", "signedOn", party[4]);
            submit("form-sign");
            assertThat(browser.text()).contains("Underskriften är registrerad.");
        }
        assertThat(browser.driver.findElement(By.cssSelector(".lede .state")).getText())
                .isEqualTo("Gäller");
        assertThat(browser.driver.findElement(By.id("timeline-text")).getText())
                .contains("Trädde i kraft 7 februari 2020", "Laga kraft");
        assertThat(api.as("auditor")
                        .get("/api/v1/agreements/" + agreementId)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("IN_FORCE");
        // the text and every minutes extract are held, named by what rests on them, and listed on the page
        var documents = api.as("auditor")
                .get("/api/v1/agreements/" + agreementId + "/documents")
                .json();
        assertThat(documents.get("textSha256").asString()).isEqualTo(textSha);
        assertThat(documents.get("textHeld").asBoolean()).isTrue();
        java.util.List<String> named = new java.util.ArrayList<>();
        for (var document : documents.get("documents")) {
            named.add(document.get("sha256").asString());
            assertThat(document.get("held").asBoolean()).as(document.toString()).isTrue();
        }
        assertThat(named)
                .containsExactlyElementsOf(
                        java.util.stream.Stream.concat(java.util.stream.Stream.of(textSha), extracts.stream())
                                .toList());
        WebElement list = browser.driver.findElement(By.id("documents"));
        assertThat(list.getText())
                .contains(
                        "Avsiktsförklaring – funktionella regionen Halmstad",
                        "protokollsutdrag-laholm.pdf",
                        "Protokollsutdrag",
                        "Beslut: Laholms kommun",
                        "Finns");
        assertThat(list.findElements(By.cssSelector("a[href*='/documents/']"))).hasSize(HALMSTAD.length + 1);
        browser.assertAccessible("an agreement page with the secretariat's forms");
        browser.screenshot("agreement-in-force-secretariat");
        browser.driver.executeScript("document.getElementById('documents').scrollIntoView()");
        browser.screenshot("agreement-documents");
    }

    @Test
    void aStaleFormIsRefusedAndADoubleSubmitRecordsOnce() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.read("auditor", "/api/v1/agreements/" + id);
        browser = Browser.open(port, "sv");
        browser.signIn("secretariat");
        browser.go("/agreements/" + id);
        long before = eventsOf(id);
        // someone else attaches a document after this page was shown
        secretariat.command("/api/v1/agreements/" + id + "/documents", document("Protokollsutdrag", "a"));
        byte[] memo = SampleFiles.text("Tjänsteskrivelse " + id);
        fillDocument("Tjänsteskrivelse", memo);
        submit("form-document");
        assertThat(browser.text()).contains("Någon har ändrat avtalet sedan sidan visades.", "Ingenting sparades.");
        assertThat(eventsOf(id)).isEqualTo(before + 1);
        browser.screenshot("stale-form-refused");

        // the page now shows the latest version and keeps the file already uploaded (by its hash); the same form
        // sent twice at once is recorded once
        assertThat(browser.driver
                        .findElement(By.cssSelector("#form-document .kept"))
                        .getText())
                .contains(SampleFiles.sha256(memo).substring(0, 12));
        type("form-document", "title", "Tjänsteskrivelse");
        Object statuses = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const form = document.getElementById('form-document');"
                + "const send = () => fetch(form.action, {method: 'POST', body: new FormData(form),"
                + " redirect: 'manual'});"
                + "Promise.all([send(), send()]).then(r => done(r.map(x => x.type + ':' + x.status)));");
        assertThat(String.valueOf(statuses)).doesNotContain(":4", ":5");
        assertThat(eventsOf(id)).isEqualTo(before + 2);
        browser.go("/agreements/" + id);
        assertThat(browser.driver.findElements(
                        By.xpath("//section[@id='documents']//td/a[normalize-space()='Tjänsteskrivelse']")))
                .hasSize(1);
    }

    @Test
    void aFormIsCompletedWithTheKeyboardAlone() {
        String id = drafted();
        browser = Browser.open(port, "sv");
        browser.signIn("secretariat");
        browser.go("/agreements/" + id);
        // the file is chosen in the system's own dialog (which WebDriver fills); the rest with the keyboard
        byte[] minutes = SampleFiles.text("Kommunstyrelsens protokoll " + id);
        WebElement file = browser.in("form-document", "file");
        file.sendKeys(file("protokoll.txt", minutes).toString());
        browser.driver.executeScript("arguments[0].focus();", file);
        new Actions(browser.driver)
                .sendKeys(Keys.TAB)
                .sendKeys("P")
                .sendKeys(Keys.TAB)
                .sendKeys("Kommunstyrelsens protokoll")
                .sendKeys(Keys.TAB)
                .sendKeys(Keys.TAB)
                .sendKeys(Keys.ENTER)
                .perform();
        browser.waitFor(() -> browser.text().contains("Handlingen är bifogad."));
        assertThat(browser.text())
                .contains("Kommunstyrelsens protokoll", SampleFiles.sha256(minutes), "Protokollsutdrag");
    }

    @Test
    void badInputIsShownBesideItsFieldInThePageLanguageAndNothingIsWritten() {
        String id = drafted();
        browser = Browser.open(port, "en");
        browser.signIn("secretariat");
        browser.go("/agreements/" + id);
        long before = eventsOf(id);
        long stored = jdbc.queryForObject("SELECT count(*) FROM document", Long.class);
        type("form-document", "title", "Minutes");
        browser.in("form-document", "file")
                .sendKeys(file("minutes.docx", SampleFiles.zipWithProgram(id)).toString());
        submit("form-document");
        assertThat(browser.text())
                .contains("Coop does not keep files of this type.", "application/zip", "Nothing was recorded.");
        WebElement file = browser.in("form-document", "file");
        assertThat(file.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver
                        .findElement(By.id(file.getAttribute("id") + "-error"))
                        .getText())
                .contains("application/zip");
        assertThat(eventsOf(id)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document", Long.class))
                .isEqualTo(stored);
        browser.assertAccessible("a refused form");
        browser.screenshot("refused-form-en");

        browser.driver.findElement(By.linkText("Svenska")).click();
        browser.waitFor(() -> browser.url().contains("lang=sv"));
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("sv");
        assertThat(browser.text()).contains("Handlingar", "Bifoga handling");
    }

    @Test
    void theAuditorSeesKogeKristianstadInForceIn2022AndItsRecordIntact() {
        Seeds koge = Seeds.drive(api, "004-koge-kristianstad");
        String id = koge.agreement("avtal");
        koge.read("auditor", "/api/v1/agreements/" + id);
        browser = Browser.open(port, "sv");
        browser.signIn("auditor");
        browser.go("/?q=Køge");
        browser.assertAccessible("the register");
        browser.screenshot("register");
        browser.driver
                .findElement(By.cssSelector("a[href='/agreements/" + id + "']"))
                .click();
        browser.waitFor(() -> browser.url().endsWith("/agreements/" + id));
        assertThat(browser.driver.findElement(By.cssSelector(".lede .state")).getText())
                .isEqualTo("Arkiverat");
        date(null, "validOn", "2022-06-01");
        browser.driver.findElement(By.cssSelector("form.pickers button")).click();
        browser.waitFor(() -> browser.url().contains("validOn=2022-06-01"));
        assertThat(browser.driver.findElement(By.cssSelector(".past")).getText())
                .contains("Som det gällde 1 juni 2022");
        assertThat(browser.driver.findElement(By.cssSelector(".lede .state")).getText())
                .isEqualTo("Gäller");
        assertThat(browser.driver.findElement(By.cssSelector(".verification")).getText())
                .contains("Registreringen är obruten", "händelser");
        assertThat(browser.driver.findElements(By.cssSelector("table.events tbody tr")))
                .isNotEmpty();
        assertThat(browser.driver.findElement(By.id("meetings")).getText())
                .as("on 1 June 2022 no meeting had yet been held")
                .doesNotContain("2022", "2023", "2024");
        assertThat(browser.driver.findElements(By.cssSelector("svg.timeline"))).hasSize(1);
        browser.assertAccessible("an agreement valid on a past day, for the auditor");
        browser.screenshot("agreement-auditor-valid-on-2022");
        assertThat(browser.driver.findElements(By.id("record"))).isEmpty();
    }

    @Test
    void anAgreementPageLinksToItsSuccessor() {
        Seeds halmstad = Seeds.drive(api, "003-halmstad");
        String project = halmstad.agreement("projekt");
        String plan = halmstad.agreement("handlingsplan");
        halmstad.read("auditor", "/api/v1/agreements/" + plan);
        var linksTo = api.as("reviewer")
                .get("/api/v1/agreements/" + project + "/links")
                .json();
        assertThat(linksTo.get("links").get(0).get("type").asString()).isEqualTo("SUCCEEDS");
        assertThat(linksTo.get("links").get(0).get("otherAgreementId").asString())
                .isEqualTo(plan);
        browser = Browser.open(port, "sv");
        browser.signIn("reviewer");
        browser.go("/agreements/" + project);
        assertThat(browser.text()).contains("Efterträds av: Gemensam handlingsplan för den funktionella regionen");
        browser.driver.findElement(By.partialLinkText("Gemensam handlingsplan")).click();
        browser.waitFor(() -> browser.url().endsWith("/agreements/" + plan));
        assertThat(browser.text()).contains("Efterträder: Halmstad som tillväxtmotor");
    }

    @Test
    void theReviewerFindsNextMonthsMeetingAndCopiesTheFeedAddress() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.inForce(Bodies.twoPartyDraft(), LocalDate.parse("2025-05-05"));
        OffsetDateTime now = OffsetDateTime.now(TestClock.INSTANCE);
        OffsetDateTime nextMonth = now.plusMonths(1)
                .withDayOfMonth(12)
                .atZoneSameInstant(ZoneId.of("Europe/Stockholm"))
                .withHour(13)
                .withMinute(0)
                .toOffsetDateTime();
        String reviewer = "granskare-" + id.substring(0, 8) + "@halmstad.example.org";
        secretariat.scheduleReview(id, nextMonth, "Rådhuset, Halmstad", "Granskare", reviewer);
        secretariat.read("reviewer", "/api/v1/agreements/" + id);

        browser = Browser.open(port, "sv");
        browser.signIn("reviewer");
        browser.go("/calendar");
        type(null, "c-reviewer", reviewer);
        browser.driver.findElement(By.cssSelector("form.filters button")).click();
        browser.waitFor(() -> browser.url().contains("reviewer="));
        browser.driver.findElement(By.linkText("Nästa månad")).click();
        String month = java.time.YearMonth.from(nextMonth).toString();
        browser.waitFor(() -> browser.url().contains("month=" + month));
        assertThat(browser.text()).contains("Rådhuset, Halmstad", "kl. 13:00");
        browser.assertAccessible("the calendar");
        browser.screenshot("calendar");

        browser.driver
                .findElement(By.xpath("//button[normalize-space()='Skapa kalenderflöde för granskaren']"))
                .click();
        browser.waitFor(() -> !browser.driver.findElements(By.id("feed-url")).isEmpty());
        String url = browser.driver.findElement(By.id("feed-url")).getAttribute("value");
        assertThat(url).contains("/api/v1/calendar/").endsWith(".ics");
        browser.assertAccessible("the calendar with a new feed");
        HttpResponse<String> feed = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("BEGIN:VCALENDAR", "Rådhuset");
        assertThat(browser.driver.findElements(By.id("record"))).isEmpty();
    }

    @Test
    void theOperatorRebuildsAReadModelAndWatchesItFinish() {
        browser = Browser.open(port, "en");
        browser.signIn("operator");
        browser.go("/operator");
        browser.assertAccessible("the operator's page");
        browser.driver
                .findElement(By.cssSelector("button[aria-label='Rebuild history']"))
                .click();
        browser.screenshot("operator-rebuilding");
        browser.waitFor(() -> !browser.driver
                .findElements(By.cssSelector("button[aria-label='Rebuild history']"))
                .isEmpty());
        assertThat(browser.text()).doesNotContain("Rebuilding:");
        browser.screenshot("operator");
        browser.go("/");
        assertThat(browser.driver.findElements(By.linkText("New draft"))).isEmpty();
    }

    @Test
    void aRoleSeesNoButtonItMayNotPress() {
        String id = drafted();
        browser = Browser.open(port, "sv");
        browser.signIn("reviewer");
        browser.go("/agreements/" + id);
        assertThat(browser.driver.findElements(By.tagName("form")).stream()
                        .map(f -> f.getAttribute("action"))
                        .filter(a -> !a.endsWith("/logout"))
                        .toList())
                .isEmpty();
        assertThat(browser.driver.findElements(By.id("audit"))).isEmpty();
        browser.go("/operator");
        assertThat(browser.text()).contains("Din roll tillåter inte detta.");
        browser.assertAccessible("an error page");
        browser.go("/agreements/new");
        assertThat(browser.text()).contains("Din roll tillåter inte detta.");
    }

    private Map<String, Object> document(String title, String hashSeed) {
        return Map.of("title", title, "sha256", hashSeed.repeat(64), "mediaType", "application/pdf", "size", 1000);
    }

    private void fillDocument(String title, byte[] bytes) {
        type("form-document", "title", title);
        browser.in("form-document", "file").sendKeys(file(title + ".txt", bytes).toString());
    }

    /** A file on this machine, for the browser's file field. */
    private static java.nio.file.Path file(String name, byte[] bytes) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "upload-files", Long.toString(System.nanoTime()));
            java.nio.file.Files.createDirectories(dir);
            return java.nio.file.Files.write(dir.resolve(name), bytes).toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void type(String formId, String name, String value) {
        WebElement field = formId == null ? browser.driver.findElement(By.id(name)) : browser.in(formId, name);
        field.clear();
        field.sendKeys(value);
    }

    private void choose(String formId, String name, String value) {
        new Select(browser.in(formId, name)).selectByValue(value);
    }

    /** A date field set as a date picker sets it: the value the browser submits. */
    private void date(String formId, String name, String isoDate) {
        WebElement field = formId == null ? browser.driver.findElement(By.name(name)) : browser.in(formId, name);
        browser.setValue(field, isoDate);
    }

    private void submit(String formId) {
        press(formId, null);
    }

    /** Presses the form's button named {@code name}; {@code null}: the button that sends the form (one with no name). */
    private void press(String formId, String name) {
        browser.press(formId, name == null ? null : "button[name=" + name + "]");
    }

    /** A draft of its own, read back through the API once every read model has it, so pages show it at once. */
    private String drafted() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.read("auditor", "/api/v1/agreements/" + id);
        return id;
    }
}
