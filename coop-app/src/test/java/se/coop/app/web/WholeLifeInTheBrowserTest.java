package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.coop.api.BusinessTime;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.SampleFiles;
import se.coop.app.support.Slow;
import se.coop.app.support.TestClock;

/**
 * Issue 27, "done when": two seed agreements carried through their whole life in Chromium by a clerk, through the
 * pages alone — no API call, no typed checksum: the parties picked from the party register (Scandlines added to it
 * first), the text and every extract and signed copy uploaded with their forms, decisions and signatures, entry into
 * force, a meeting held in the past, an amendment adopted, a party's notice confirmed, termination and archival. HH
 * Cityclub is walked by a Danish clerk on Danish pages (Scandlines only signs); Køge–Kristianstad in Swedish and in
 * English. axe finds nothing on any page the walks pass, nor on the error page of a half-filled form, at desktop width
 * and at 375 px, where nothing scrolls sideways either. The test reads Coop's state through the API only to check it.
 */
@Slow
class WholeLifeInTheBrowserTest extends IntegrationTest {

    @TempDir
    Path files;

    @Test
    void hhCityclubByADanishClerkOnDanishPages() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = BusinessTime.today(TestClock.INSTANCE);
        LocalDate approved = today.minusDays(60);
        try (Browser browser = Browser.open(port, "da")) {
            Walk walk = new Walk(browser, "da");
            browser.signIn("secretariat");

            // Scandlines is no municipality: the clerk adds it to the party register first
            browser.go("/parties?lang=da&q=Scandlines");
            walk.page("partsregistret");
            walk.type("form-party", "names.da", "Scandlines " + run);
            walk.choose("form-party", "kind", "COMPANY");
            walk.choose("form-party", "country", "DK");
            walk.type("form-party", "boardNames", "Direktionen");
            walk.type("form-party", "partyId", "scandlines-" + run);
            walk.send("form-party");
            assertThat(browser.text()).contains("er tilføjet til partsregistret med id scandlines-" + run);

            // the draft: three parties picked from the register, a third row added as needed
            browser.go("/agreements/new");
            walk.page("et nyt udkast");
            walk.type("form-draft", "title.sv", "HH Cityclub – kulturupplevelser i HH " + run);
            walk.type("form-draft", "title.da", "HH Cityclub – kulturoplevelser i HH " + run);
            walk.choose("form-draft", "kind", "COOPERATION_AGREEMENT");
            walk.choose("form-draft", "binding", "false");
            walk.date("form-draft", "term.startsOn", approved.minusDays(30).toString());
            walk.choose("form-draft", "term.untilFurtherNotice", "true");
            walk.type("form-draft", "term.noticePeriodMonths", "6");
            walk.choose("form-draft", "term.waitForLegalForce", "true");
            walk.type("form-draft", "focusAreas", "kultur; Kultur; Kultur; Culture");
            walk.file("form-draft", "text.file", pdf("hh-cityclub.pdf", "HH Cityclub " + run));
            walk.pick(0, "Helsingborg");
            walk.pick(1, "Helsingør");
            // the register offers each party's first board; here the boards that adopted HH Cityclub
            walk.type("form-draft", "parties[0].adoptingBody", "Kommunstyrelsen");
            walk.type("form-draft", "parties[1].adoptingBody", "Byrådet");
            browser.press("form-draft", "button[name=addParty]");
            walk.pick(2, "Scandlines " + run);
            walk.choose("form-draft", "parties[2].requires", "SIGNATURE");
            walk.check("form-draft", "parties[0].lead");
            assertThat(browser.in("form-draft", "parties[1].name").getAttribute("value"))
                    .isEqualTo("Helsingør Kommune");
            walk.send("form-draft");
            String id = walk.agreementId();
            walk.page("udkastet");

            walk.send("form-submit");
            walk.page("til vedtagelse");
            // a half-filled form: every problem at once, on the agreement's page
            walk.refused("form-sign");
            walk.page("en underskrift uden udfyldte felter (fejlsiden)");

            walk.decide("helsingborg", "Kommunstyrelsen", approved, "KS 2014/0101", "§ 88", files);
            walk.decide("helsingor", "Byrådet", approved, "Sag 14/2231", "Punkt 12", files);
            walk.sign("helsingborg", "Utvecklingsdirektören", approved, files);
            walk.sign("helsingor", "Centerchefen", approved, files);
            walk.sign("scandlines-" + run, "Head of Travel", approved, files);
            // the last signature completed the approvals: the page says so with its "done"
            assertThat(browser.text()).contains("aftalen er trådt i kraft fra");
            inState(id, "IN_FORCE");
            walk.page("i kraft");

            walk.held(approved.plusDays(30), "Helsingør Kulturværftet", "Kulturaftalen fortsætter.");
            walk.page("efter et afholdt møde");

            String amendment = walk.amend(pdf("hh-cityclub-2.pdf", "HH Cityclub, ændret " + run), "Nye kulturtilbud");
            // decided 25 days ago, the minutes posted then: Helsingborg's appeal window has closed, and the amendment
            // this agreement waits for legal force for takes effect at once
            LocalDate amended = today.minusDays(25);
            walk.decideAmendment("helsingborg", "Kommunstyrelsen", amended, amendment, files);
            walk.decideAmendment("helsingor", "Byrådet", amended, amendment, files);
            walk.signAmendment("helsingborg", "Utvecklingsdirektören", amended, amendment, files);
            walk.signAmendment("helsingor", "Centerchefen", amended, amendment, files);
            walk.signAmendment("scandlines-" + run, "Head of Travel", amended, amendment, files);
            eventually(id, "textSha256", amendment);
            walk.page("efter en ændring");

            walk.notice("scandlines-" + run, today);
            assertThat(browser.text()).contains("Aftalen fortsætter for");
            walk.page("bekræftelse af en opsigelse");
            walk.confirm();
            walk.page("efter en opsigelse");

            walk.terminate(today, "Samarbejdet afsluttes.");
            walk.page("bekræftelse af en ophævelse");
            walk.confirm();
            inState(id, "TERMINATED");
            walk.archive();
            walk.page("bekræftelse af en arkivering");
            walk.confirm();
            inState(id, "ARCHIVED");
            walk.page("det arkiverede");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sv", "en"})
    void kogeKristianstadFromDraftToArchive(String language) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = BusinessTime.today(TestClock.INSTANCE);
        LocalDate approved = today.minusDays(60);
        try (Browser browser = Browser.open(port, language)) {
            Walk walk = new Walk(browser, language);
            browser.signIn("secretariat");
            browser.go("/agreements/new?lang=" + language);
            walk.page("a new draft");
            walk.type("form-draft", "title.sv", "Samarbetsavtal mellan Køge och Kristianstad " + run);
            walk.type("form-draft", "title.en", "Cooperation agreement between Køge and Kristianstad " + run);
            walk.choose("form-draft", "kind", "COOPERATION_AGREEMENT");
            walk.choose("form-draft", "binding", "false");
            walk.date("form-draft", "term.startsOn", approved.toString());
            walk.choose("form-draft", "term.untilFurtherNotice", "true");
            walk.type("form-draft", "term.noticePeriodMonths", "6");
            walk.choose("form-draft", "term.waitForLegalForce", "false");
            walk.type("form-draft", "reviewCadenceMonths", "12");
            walk.type("form-draft", "reminderOffsetsDays", "30, 7");
            walk.file("form-draft", "text.file", pdf("koge-kristianstad.pdf", "Køge–Kristianstad " + run));
            walk.pick(0, "1290");
            walk.pick(1, "koge");
            walk.type("form-draft", "parties[0].adoptingBody", "Kommunstyrelsen");
            walk.type("form-draft", "parties[1].adoptingBody", "Byrådet");
            walk.check("form-draft", "parties[0].lead");
            assertThat(browser.in("form-draft", "parties[1].name").getAttribute("value"))
                    .isEqualTo("Køge Kommune");
            walk.send("form-draft");
            String id = walk.agreementId();
            walk.page("the draft");

            walk.send("form-submit");
            walk.refused("form-decide");
            walk.page("a decision sent empty (the error page)");
            walk.decide("kristianstad", "Kommunstyrelsen", approved, "KS 2021/712", "§ 201", files);
            walk.decide("koge", "Byrådet", approved, "Sag 21/24816", "Punkt 7", files);
            walk.sign("kristianstad", "Pierre Månsson", approved, files);
            walk.sign("koge", "Marie Staerke", approved, files);
            assertThat(browser.text())
                    .contains(
                            language.equals("sv")
                                    ? "avtalet har trätt i kraft från"
                                    : "the agreement has entered into force from");
            inState(id, "IN_FORCE");
            walk.page("in force");

            walk.held(approved.plusDays(30), "Køge og Kristianstad, på skift", "Arbetsgrupperna fortsätter.");
            String amendment = walk.amend(pdf("koge-kristianstad-2.pdf", "Køge–Kristianstad, ändrad " + run), "Klimat");
            walk.decideAmendment("kristianstad", "Kommunstyrelsen", today, amendment, files);
            walk.decideAmendment("koge", "Byrådet", today, amendment, files);
            walk.signAmendment("kristianstad", "Pierre Månsson", today, amendment, files);
            walk.signAmendment("koge", "Marie Staerke", today, amendment, files);
            eventually(id, "textSha256", amendment);
            walk.page("after an amendment");

            // of two parties, Køge's notice ends the agreement for both when its notice period has passed
            walk.notice("koge", today);
            walk.page("a notice's confirmation");
            walk.confirm();
            eventually(id, "terminatesOn", today.plusMonths(6).toString());
            walk.page("after the notice");

            walk.terminate(today, "Samarbetet avslutas; erfarenhetsutbytet fortsätter utan avtal.");
            walk.page("a termination's confirmation");
            walk.confirm();
            walk.archive();
            walk.page("an archival's confirmation");
            walk.confirm();
            inState(id, "ARCHIVED");
            walk.page("the archived agreement");
        }
    }

    private void inState(String id, String state) {
        eventually(id, "state", state);
    }

    /** The agreement's status shows {@code value} under {@code field} once the read model has the clerk's last form. */
    private void eventually(String id, String field, String value) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var status = api.as("auditor").get("/api/v1/agreements/" + id).json();
            assertThat(status.path(field).asString()).as("%s", status).isEqualTo(value);
        });
    }

    private Path pdf(String name, String words) {
        return write(name, SampleFiles.pdfA(words));
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(files.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clerk's steps through the pages' forms, each page checked by axe at desktop width and at 375 px. */
    private final class Walk {

        private final Browser browser;
        private final String language;
        private int extracts;

        Walk(Browser browser, String language) {
            this.browser = browser;
            this.language = language;
        }

        void page(String what) {
            browser.assertAccessibleOnDeskAndPhone(what + " (" + language + ")");
        }

        void type(String form, String name, String value) {
            WebElement field = browser.in(form, name);
            field.clear();
            field.sendKeys(value);
        }

        void choose(String form, String name, String value) {
            new Select(browser.in(form, name)).selectByValue(value);
        }

        void check(String form, String name) {
            WebElement box = browser.in(form, name);
            if (!box.isSelected()) {
                box.click();
            }
        }

        void date(String form, String name, String isoDate) {
            browser.setValue(browser.in(form, name), isoDate);
        }

        void file(String form, String name, Path file) {
            browser.in(form, name).sendKeys(file.toAbsolutePath().toString());
        }

        /** Row {@code row} of the draft searches the party register, and the first match is picked. */
        void pick(int row, String words) {
            type("form-draft", "parties[" + row + "].search", words);
            browser.press("form-draft", "button[name=find][value='" + row + "']");
            page("the party register's matches in a draft");
            // found on an independent walk: the matches were white on white, a style meant for the dark header
            assertThat(browser.driver
                            .findElement(By.cssSelector("#form-draft button[name=pick]"))
                            .getCssValue("color"))
                    .as("a match reads as a link")
                    .isEqualTo("rgba(11, 79, 153, 1)");
            browser.press("form-draft", "button[name=pick]");
        }

        /** Sends the form and checks that the page after it reports no problem. */
        void send(String form) {
            browser.press(form, null);
            List<WebElement> problems = browser.driver.findElements(By.id("error-summary"));
            assertThat(problems).as("%s was refused:%n%s", form, browser.text()).isEmpty();
        }

        /** Sends the form as it stands, half-filled: refused with every problem named in a summary at the top. */
        void refused(String form) {
            browser.press(form, null);
            assertThat(browser.driver.findElements(By.id("error-summary"))).hasSize(1);
        }

        void confirm() {
            browser.press("form-confirm", "button[value=yes]");
            assertThat(browser.driver.findElements(By.id("error-summary"))).isEmpty();
        }

        String agreementId() {
            return browser.url().replaceAll(".*/agreements/([^?#/]+).*", "$1");
        }

        void decide(String party, String body, LocalDate on, String caseNumber, String paragraph, Path dir) {
            choose("form-decide", "partyId", party);
            type("form-decide", "body", body);
            date("form-decide", "decidedOn", on.toString());
            type("form-decide", "caseNumber", caseNumber);
            type("form-decide", "paragraph", paragraph);
            choose("form-decide", "outcome", "ADOPTED");
            date("form-decide", "minutesPostedOn", on.toString());
            file("form-decide", "document.file", extract(dir, "protokollsutdrag " + party + " " + caseNumber));
            send("form-decide");
        }

        void decideAmendment(String party, String body, LocalDate on, String sha256, Path dir) {
            choose("form-decide", "textSha256", sha256);
            decide(party, body, on, "ÄND " + on.getYear() + "/" + party, "§ 12", dir);
        }

        void sign(String party, String signatory, LocalDate on, Path dir) {
            choose("form-sign", "partyId", party);
            type("form-sign", "signatory.name", signatory);
            type("form-sign", "signatory.title", "på vegne af " + party);
            date("form-sign", "signedOn", on.toString());
            file("form-sign", "document.file", extract(dir, "underskrivet exemplar " + party + " " + signatory));
            send("form-sign");
        }

        void signAmendment(String party, String signatory, LocalDate on, String sha256, Path dir) {
            choose("form-sign", "textSha256", sha256);
            sign(party, signatory, on, dir);
        }

        void held(LocalDate on, String location, String summary) {
            choose("form-held", "kind", "ANNUAL_REVIEW");
            date("form-held", "heldOn", on.toString());
            type("form-held", "location", location);
            type("form-held", "outcome.summary", summary);
            choose("form-held", "outcome.decision", "CONTINUE");
            send("form-held");
        }

        /** Proposes an amendment with its new text: answers the text's SHA-256, as the forms name it. */
        String amend(Path text, String summary) {
            file("form-amend", "text.file", text);
            type("form-amend", "summary", summary);
            send("form-amend");
            try {
                return SampleFiles.sha256(Files.readAllBytes(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void notice(String party, LocalDate on) {
            choose("form-notice", "partyId", party);
            date("form-notice", "givenOn", on.toString());
            type("form-notice", "reason", "Omprioritering");
            send("form-notice");
        }

        void terminate(LocalDate on, String reason) {
            date("form-terminate", "effectiveOn", on.toString());
            type("form-terminate", "reason", reason);
            send("form-terminate");
        }

        void archive() {
            send("form-archive");
        }

        private Path extract(Path dir, String words) {
            return write("handling-" + (++extracts) + ".pdf", SampleFiles.pdfA(words + " " + UUID.randomUUID()));
        }
    }
}
