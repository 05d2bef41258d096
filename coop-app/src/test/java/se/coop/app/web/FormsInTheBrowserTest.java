package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
    @CsvSource({"sv,false", "en,true"})
    void aHalfFilledFormNamesEveryProblemAtOnceAndANoticeIsConfirmedBeforeItIsWritten(String language, boolean phone) {
        boolean swedish = language.equals("sv");
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
                    .contains(swedish ? "Hölls den" : "Held on")
                    .contains(swedish ? "Vad som beslutades" : "What was decided")
                    .doesNotContain("heldOn", "outcome.", "Coop svarar", "If-Match", "ETag");
            for (WebElement link : links) {
                String target = link.getAttribute("href").replaceFirst(".*#", "");
                WebElement field = browser.driver.findElement(By.id(target));
                String label = browser.driver
                        .findElement(By.cssSelector("label[for='" + target + "']"))
                        .getText();
                assertThat(link.getText())
                        .as("a problem names its field as its label does")
                        .startsWith(label.replaceFirst(swedish ? " \\(obligatoriskt\\)$" : " \\(required\\)$", ""));
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
            assertThat(browser.text()).contains(swedish ? "Mötet är registrerat." : "The meeting is recorded.");

            // Laholm gives notice: first what it does
            LocalDate today = BusinessTime.today(TestClock.INSTANCE);
            new Select(browser.in("form-notice", "partyId")).selectByValue("laholm");
            date(browser, "form-notice", "givenOn", today.toString());
            browser.in("form-notice", "reason").sendKeys("Omprioritering");
            submit(browser, "form-notice");
            String ends = today.plusMonths(6)
                    .format(DateTimeFormatter.ofPattern(
                            "d MMMM yyyy", swedish ? Locale.forLanguageTag("sv") : Locale.ENGLISH));
            assertThat(browser.text())
                    .contains(
                            swedish
                                    ? "Avtalet upphör " + ends + " för alla parter"
                                    : "The agreement ends on " + ends + " for all parties");
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
            assertThat(browser.text()).contains(swedish ? "Uppsägningen är registrerad." : "The notice is recorded.");
            assertThat(events(id)).isGreaterThan(before);
            assertThat(browser.driver.findElement(By.id("parties-heading")).isDisplayed())
                    .isTrue();
            browser.assertAccessible("the agreement after a notice (" + where + ")");
        }
    }

    private long events(String id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
    }

    private static void date(Browser browser, String formId, String name, String isoDate) {
        browser.driver.executeScript("arguments[0].value = arguments[1];", browser.in(formId, name), isoDate);
    }

    private static void submit(Browser browser, String formId) {
        press(browser, formId, null);
    }

    /** Presses the button of {@code formId} with {@code value} (null: the one that sends the form). */
    private static void press(Browser browser, String formId, String value) {
        browser.press(formId, value == null ? null : "button[value=" + value + "]");
    }
}
