package se.coop.app.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.coop.api.BusinessTime;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.Slow;
import se.coop.app.support.TestClock;

/**
 * The pages on a phone, 375 CSS pixels wide, in each language (Swedish, Danish, English): no page scrolls sideways (a wide table and the timeline
 * scroll within their own region, which the keyboard reaches), and axe finds nothing on any of them.
 */
@Slow
class PhonesTest extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"sv", "da", "en"})
    void everyPageFitsA375PixelScreenAndIsAccessible(String language) {
        // a webhook subscription nobody answers for: its delivery log fills with the errors of the events below
        String webhook = api.as("secretariat")
                .post("/api/v1/webhooks", Map.of("url", "http://localhost:9/nobody-listens"))
                .header("Location");
        Secretariat secretariat = new Secretariat(api);
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.twoPartyDraft());
        String id = secretariat.inForce(
                draft, BusinessTime.today(TestClock.INSTANCE).minusDays(30));
        secretariat.scheduleReview(
                id,
                TestClock.afternoonIn(20),
                "Rådhuset, sammanträdesrum Laholmsbukten",
                "Kommundirektör",
                "kommundirektor@halmstad.example.org");
        String drafted = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.read("auditor", "/api/v1/agreements/" + id);
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put(
                "secretariat",
                List.of(
                        "/",
                        "/?party=Laholms%20kommun",
                        "/agreements/new",
                        "/calendar",
                        "/agreements/" + id,
                        "/agreements/" + drafted,
                        "/webhooks",
                        webhook.replace("/api/v1", ""),
                        "/accessibility"));
        pages.put("auditor", List.of("/agreements/" + id + "?validOn=" + LocalDate.of(2026, 1, 1), "/no-such-page"));
        pages.put("reviewer", List.of("/calendar", "/agreements/" + id));
        pages.put("operator", List.of("/operator", "/webhooks"));
        try (Browser browser = Browser.phone(port, language)) {
            pages.forEach((user, paths) -> {
                browser.signIn(user);
                for (String path : paths) {
                    browser.go(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
                    String page = user + " " + path + " (" + language + ", 375 px)";
                    browser.assertFitsTheScreen(page);
                    browser.assertAccessible(page);
                }
            });
        } finally {
            api.as("operator").delete(webhook);
        }
    }
}
