package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.coop.app.support.IntegrationTest;

/**
 * Issue 28, finding 8: the pages had no Content-Security-Policy or Referrer-Policy and the session cookie no
 * SameSite. The pages run under a policy that allows no inline script (the Chromium walks pass under it; a violation
 * would stop their forms' script), every answer says same-origin referrers, and the session cookie is Lax.
 */
class BrowserProtectionsTest extends IntegrationTest {

    @Test
    void thePagesCarryAPolicyWithoutInlineScriptAndTheSessionCookieIsLax() {
        PageSession page = new PageSession(port);
        HttpResponse<String> login = page.get("/login");
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.body())
                .doesNotContain("<script>")
                .doesNotContain(" style=\"")
                .doesNotContain("<style");

        HttpResponse<String> signedIn = page.post(
                "/login",
                Map.of("username", "auditor", "password", "auditor", "_csrf", PageSession.csrf(login.body())));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly");

        HttpResponse<String> register = page.get("/");
        assertThat(register.statusCode()).isEqualTo(200);
        assertThat(register.headers().firstValue("Content-Security-Policy")).hasValue(policy);
        assertThat(register.body()).doesNotContain("<script>").doesNotContain(" style=\"");
    }

    @Test
    void theApiSaysSameOriginReferrersToo() {
        assertThat(api.as("auditor").get("/api/v1/agreements").header("Referrer-Policy"))
                .isEqualTo("same-origin");
    }
}
