package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.coop.api.BusinessTime;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.Slow;
import se.coop.app.support.TestClock;

/**
 * The clerk's forms as a person meets them in Chromium, on a desk and on a phone, in each language: a form sent
 * half-filled names every problem at once in a summary at the top that takes focus, each by its field's label and
 * linking to it, the form kept as typed (issue 27, item 7); a meeting held years ago is recorded; a notice is shown
 * back with what it does — the day the agreement ends for all — and written only once confirmed, "change" going back
 * to the form as typed (item 4). axe finds nothing on any of these pages.
 */
@Slow
class FormsInTheBrowserTest extends IntegrationTest {

    @ParameterizedTest
    @CsvSource({"sv,false", "da,true", "en,true"})
    void aHalfFilledFormNamesEveryProblemAtOnceAndANoticeIsConfirmedBeforeItIsWritten(String language, boolean phone) {
        Map<String, String> words = WORDS.get(language);
        Secretariat secretariat = new Secretariat(api);
        LocalDate approved = BusinessTime.today(TestClock.INSTANCE).minusDays(60);
        String id = secretariat.inForce(Bodies.twoPartyDraft(), approved);
        secretariat.read("auditor", "/api/v1/agreements/" + id);
        try (Browser browser = phone ? Browser.phone(port, language) : Browser.open(port, language)) {
            browser.signIn("secretariat");
            browser.go("/agreements/" + id + "?lang=" + language);
            String where = language + (phone ? ", 375 px" : "");

            // a meeting held, sent with only a location: every problem at once, named by the labels shown
            browser.in("form-held", "location").sendKeys("Stadshuset");
            submit(browser, "form-held");
            WebElement summary = browser.driver.findElement(By.id("error-summary"));
            assertThat(browser.driver.switchTo().activeElement()).isEqualTo(summary);
            List<WebElement> links = summary.findElements(By.cssSelector("li a"));
            assertThat(links).hasSizeGreaterThanOrEqualTo(3);
            String listed = summary.getText();
            assertThat(listed)
                    .contains(words.get("heldOn"))
                    .contains(words.get("summary"))
                    .doesNotContain("heldOn", "outcome.", "Coop svarar", "If-Match", "ETag");
            for (WebElement link : links) {
                String target = link.getAttribute("href").replaceFirst(".*#", "");
                WebElement field = browser.driver.findElement(By.id(target));
                String label = browser.driver
                        .findElement(By.cssSelector("label[for='" + target + "']"))
                        .getText();
                assertThat(link.getText())
                        .as("a problem names its field as its label does")
                        .startsWith(label.replace(words.get("required"), "").strip());
                assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
            }
            assertThat(browser.in("form-held", "location").getAttribute("value"))
                    .isEqualTo("Stadshuset");
            browser.assertAccessible("a refused form's summary (" + where + ")");
            if (phone) {
                browser.assertFitsTheScreen("a refused form's summary (" + where + ")");
            }

            // the meeting of a year ago, recorded with what it decided
            date(browser, "form-held", "heldOn", approved.plusDays(10).toString());
            browser.in("form-held", "outcome.summary").sendKeys("Samverkan fortsätter.");
            new Select(browser.in("form-held", "outcome.decision")).selectByValue("CONTINUE");
            browser.in("form-held", "reviewers").sendKeys("Anna Ek; anna.ek@halmstad.example.org; halmstad");
            submit(browser, "form-held");
            assertThat(browser.text()).contains(words.get("meetingDone"));

            // Laholm gives notice: first what it does
            LocalDate today = BusinessTime.today(TestClock.INSTANCE);
            new Select(browser.in("form-notice", "partyId")).selectByValue("laholm");
            date(browser, "form-notice", "givenOn", today.toString());
            browser.in("form-notice", "reason").sendKeys("Omprioritering");
            submit(browser, "form-notice");
            String ends = today.plusMonths(6)
                    .format(DateTimeFormatter.ofPattern(words.get("datePattern"), Locale.forLanguageTag(language)));
            assertThat(browser.text()).contains(words.get("ends").replace("{0}", ends));
            browser.assertAccessible("the notice's confirmation (" + where + ")");
            if (phone) {
                browser.assertFitsTheScreen("the notice's confirmation (" + where + ")");
            }
            long before = events(id);

            // "change" goes back to the form as typed, nothing written
            press(browser, "form-confirm", "no");
            assertThat(browser.in("form-notice", "reason").getAttribute("value"))
                    .isEqualTo("Omprioritering");
            assertThat(events(id)).isEqualTo(before);

            // confirmed, it is written
            submit(browser, "form-notice");
            press(browser, "form-confirm", "yes");
            assertThat(browser.text()).contains(words.get("noticeDone"));
            assertThat(events(id)).isGreaterThan(before);
            assertThat(browser.driver.findElement(By.id("parties-heading")).isDisplayed())
                    .isTrue();
            browser.assertAccessible("the agreement after a notice (" + where + ")");
        }
    }

    /** What each language's pages say, as a reader of that language reads it. */
    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "sv",
            Map.of(
                    "heldOn", "Hölls den",
                    "summary", "Vad som beslutades",
                    "required", " (obligatoriskt)",
                    "meetingDone", "Mötet är registrerat.",
                    "datePattern", "d MMMM yyyy",
                    "ends", "Avtalet upphör {0} för alla parter",
                    "noticeDone", "Uppsägningen är registrerad."),
            "da",
            Map.of(
                    "heldOn", "Afholdt den",
                    "summary", "Hvad der blev besluttet",
                    "required", " (skal udfyldes)",
                    "meetingDone", "Mødet er registreret.",
                    "datePattern", "d. MMMM yyyy",
                    "ends", "Aftalen ophører {0} for alle parter",
                    "noticeDone", "Opsigelsen er registreret."),
            "en",
            Map.of(
                    "heldOn", "Held on",
                    "summary", "What was decided",
                    "required", " (required)",
                    "meetingDone", "The meeting is recorded.",
                    "datePattern", "d MMMM yyyy",
                    "ends", "The agreement ends on {0} for all parties",
                    "noticeDone", "The notice is recorded."));

    private long events(String id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
    }

    private static void date(Browser browser, String formId, String name, String isoDate) {
        browser.setValue(browser.in(formId, name), isoDate);
    }

    private static void submit(Browser browser, String formId) {
        press(browser, formId, null);
    }

    /** Presses the button of {@code formId} with {@code value} (null: the one that sends the form). */
    private static void press(Browser browser, String formId, String value) {
        browser.press(formId, value == null ? null : "button[value=" + value + "]");
    }
}
