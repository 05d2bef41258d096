package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.coop.app.support.IntegrationTest;

/**
 * The webhook subscriptions on a page: a secretariat subscribes an endpoint (its secret shown once), is told why an
 * endpoint is refused, reads the delivery log and removes the subscription; a reviewer has no such page.
 */
class WebhooksPageTest extends IntegrationTest {

    private static final Pattern DELETE = Pattern.compile("action=\"(/webhooks/([0-9a-f-]{36})/delete)\"");

    private static List<Map.Entry<String, String>> form(Map<String, String> base, String... more) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(base.entrySet());
        for (int i = 0; i < more.length; i += 2) {
            fields.add(Map.entry(more[i], more[i + 1]));
        }
        return fields;
    }

    @Test
    void aSecretariatSubscribesReadsTheLogAndRemovesIt() {
        PageSession page = new PageSession(port).signIn("secretariat");
        String empty = page.get("/webhooks?lang=sv").body();
        assertThat(empty).contains("Prenumerera med en adress").contains("href=\"/webhooks\"");

        HttpResponse<String> refused = page.post(
                "/webhooks",
                form(page.formOf(empty, Map.of()), "url", "https://169.254.169.254/latest", "description", "Metadata"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"error-summary\"")
                .contains("href=\"#webhook-url\"")
                .contains("värden 169.254.169.254 pekar på 169.254.169.254, som inte är en publik adress")
                .contains("Ingenting sparades");

        String marker = "Ärendesystem " + java.util.UUID.randomUUID();
        HttpResponse<String> made = page.post(
                "/webhooks",
                form(
                        page.formOf(empty, Map.of()),
                        "url",
                        "http://localhost:9/hooks/coop",
                        "partyId",
                        "halmstad",
                        "description",
                        marker,
                        "notifyEmail",
                        "diariet@halmstad.example.org",
                        "types",
                        "AgreementSigned",
                        "types",
                        "BoardDecisionRecorded"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
        String shown = page.get("/webhooks?lang=sv").body();
        assertThat(shown).contains("Prenumerationen är gjord").containsPattern("value=\"whsec_[A-Za-z0-9+/=]{44}\"");
        assertThat(shown)
                .contains(marker)
                .contains("AgreementSigned, BoardDecisionRecorded")
                .as("the party by its name")
                .contains("för avtalen där Halmstads kommun är part");
        String again = page.get("/webhooks?lang=sv").body();
        assertThat(again)
                .as("the secret is shown once")
                .doesNotContain("whsec_")
                .contains(marker);

        Matcher delete = DELETE.matcher(again.substring(again.indexOf(marker)));
        assertThat(delete.find()).isTrue();
        HttpResponse<String> log = page.get("/webhooks/" + delete.group(2) + "?lang=sv");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body())
                .contains("Leveranslogg")
                .contains(marker)
                .contains("diariet@halmstad.example.org får e-post om leveranserna misslyckas i flera dagar");

        String base = "/webhooks/" + delete.group(2);
        assertThat(page.post(base + "/ping", page.formOf(log.body(), Map.of())).statusCode())
                .isEqualTo(302);
        assertThat(page.get(base + "?lang=sv").body())
                .as("nothing listens on port 9")
                .contains("Adressen gick inte att nå");
        assertThat(page.post(base + "/secret", page.formOf(log.body(), Map.of()))
                        .statusCode())
                .isEqualTo(302);
        assertThat(page.get(base + "?lang=sv").body())
                .contains("En ny hemlighet")
                .containsPattern("value=\"whsec_[A-Za-z0-9+/=]{44}\"");
        assertThat(page.get(base + "?lang=sv").body()).as("shown once").doesNotContain("whsec_");

        HttpResponse<String> removed = page.post(delete.group(1), page.formOf(again, Map.of()));
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(page.get("/webhooks?lang=sv").body())
                .contains("Prenumerationen är borttagen")
                .doesNotContain(marker);
    }

    @Test
    void aReviewerHasNoWebhooksPage() {
        PageSession reviewer = new PageSession(port).signIn("reviewer");
        assertThat(reviewer.get("/webhooks?lang=sv").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/calendar?lang=sv").body()).doesNotContain("href=\"/webhooks\"");
    }
}
