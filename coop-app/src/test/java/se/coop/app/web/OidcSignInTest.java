package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.context.ConfigurableApplicationContext;
import se.coop.app.support.Nodes;
import se.coop.app.support.TestDatabase;

/**
 * With an OIDC issuer configured, a person signs in to the pages through it (authorization code flow) — here a real
 * OIDC server, NAV's mock-oauth2-server, started by the test — and gets the roles and e-mail its ID token names.
 */
class OidcSignInTest {

    private static MockOAuth2Server issuer;
    private static ConfigurableApplicationContext coop;

    @BeforeAll
    static void start() {
        issuer = new MockOAuth2Server();
        issuer.start();
        String issuerUri = issuer.issuerUrl("municipality").toString();
        coop = Nodes.run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url("oidc"),
                "--spring.datasource.username=postgres",
                "--spring.security.oauth2.client.registration.municipality.client-id=coop",
                "--spring.security.oauth2.client.registration.municipality.client-secret=coop-secret",
                "--spring.security.oauth2.client.registration.municipality.client-name=Kommunens inloggning",
                "--spring.security.oauth2.client.registration.municipality.scope=openid,email,profile",
                "--spring.security.oauth2.client.provider.municipality.issuer-uri=" + issuerUri,
                "--spring.security.oauth2.client.provider.municipality.user-name-attribute=preferred_username");
        TestDatabase.closeBeforeStopping(coop);
    }

    @AfterAll
    static void stop() {
        coop.close();
        issuer.shutdown();
    }

    @Test
    void aPersonSignsInThroughTheIssuerWithTheRolesAndEmailItsTokenNames() {
        issuer.enqueueCallback(new DefaultOAuth2TokenCallback(
                "municipality",
                "anna-uuid",
                "JWT",
                List.of("coop"),
                Map.of(
                        "preferred_username", "anna.andersson",
                        "email", "anna.andersson@halmstad.example.org",
                        "roles", List.of("AUDITOR"))));
        int port = Integer.parseInt(coop.getEnvironment().getProperty("local.server.port"));
        try (Browser browser = Browser.open(port, "sv")) {
            browser.go("/");
            browser.waitFor(() -> browser.url().contains("/login"));
            browser.assertAccessible("the sign-in page");
            browser.screenshot("login");
            browser.driver
                    .findElement(By.linkText("Logga in med Kommunens inloggning"))
                    .click();
            browser.waitFor(() -> browser.text().contains("Inloggad som anna.andersson"));
            assertThat(browser.text())
                    .contains("Register över avtal", "Kalender")
                    .doesNotContain("Nytt utkast");
            browser.go("/calendar");
            assertThat(browser.driver.findElement(By.id("c-reviewer")).getAttribute("value"))
                    .isEqualTo("anna.andersson@halmstad.example.org");
            browser.go("/operator");
            assertThat(browser.text()).contains("Din roll tillåter inte detta.");
        }
    }
}
