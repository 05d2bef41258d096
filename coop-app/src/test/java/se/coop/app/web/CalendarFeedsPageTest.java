package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.coop.app.support.IntegrationTest;

/**
 * Issue 28, finding 7, on the pages: the calendar page lists the live feeds for a secretariat — for whom, made by
 * whom and when, last read — and revokes one with a button; a reviewer sees no list.
 */
class CalendarFeedsPageTest extends IntegrationTest {

    private static final Pattern REVOKE = Pattern.compile("action=\"(/calendar/feeds/[0-9a-f-]{36}/revoke)\"");

    @Test
    void aSecretariatSeesTheFeedsAndRevokesOne() {
        PageSession page = new PageSession(port).signIn("secretariat");
        String calendar = page.get("/calendar?lang=sv").body();
        HttpResponse<String> made =
                page.post("/calendar/feeds", page.formOf(calendar, Map.of("party", "hylte-feed-page")));
        assertThat(made.statusCode())
                .as("a party nobody names is refused on the page too")
                .isEqualTo(404);
        assertThat(made.body()).contains("hylte-feed-page");

        made = page.post("/calendar/feeds", page.formOf(calendar, Map.of("party", "halmstad")));
        assertThat(made.statusCode()).isEqualTo(302);
        String listed = page.get("/calendar?lang=sv").body();
        assertThat(listed).contains("Kalenderflöden").contains("Skapat av").contains("secretariat");
        Matcher revoke = REVOKE.matcher(listed);
        assertThat(revoke.find()).isTrue();

        HttpResponse<String> revoked = page.post(revoke.group(1), page.formOf(listed, Map.of()));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(page.get("/calendar?lang=sv").body())
                .contains("Flödet är återkallat")
                .doesNotContain(revoke.group(1));

        String reviewers = new PageSession(port)
                .signIn("reviewer")
                .get("/calendar?lang=sv")
                .body();
        assertThat(reviewers).doesNotContain("Kalenderflöden");
    }

    /** An operator, who has no calendar page, lists and revokes the feeds on the operator page. */
    @Test
    void anOperatorRevokesAFeedOnTheOperatorPage() {
        PageSession secretariat = new PageSession(port).signIn("secretariat");
        String calendar = secretariat.get("/calendar?lang=sv").body();
        assertThat(secretariat
                        .post("/calendar/feeds", secretariat.formOf(calendar, Map.of("party", "laholm")))
                        .statusCode())
                .isEqualTo(302);

        PageSession operator = new PageSession(port).signIn("operator");
        String page = operator.get("/operator?lang=sv").body();
        assertThat(page).contains("Kalenderflöden").contains("Laholms kommun");
        Matcher revoke = REVOKE.matcher(page);
        assertThat(revoke.find()).isTrue();
        Map<String, String> form = new java.util.LinkedHashMap<>(operator.formOf(page, Map.of()));
        form.put("back", "/operator");
        HttpResponse<String> revoked = operator.post(revoke.group(1), form);
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(revoked.headers().firstValue("Location").orElseThrow()).endsWith("/operator");
        assertThat(operator.get("/operator?lang=sv").body())
                .contains("Flödet är återkallat")
                .doesNotContain(revoke.group(1));
    }
}
