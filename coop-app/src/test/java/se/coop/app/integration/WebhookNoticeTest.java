package se.coop.app.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import se.coop.app.support.TestDatabase;
import se.coop.app.support.WebhookReceiver;
import tools.jackson.databind.JsonNode;

/**
 * A subscription whose receiver fails for days is suspended and its owner told by e-mail, through a real SMTP server
 * (GreenMail): the maker's own address, or the one the subscription names.
 */
class WebhookNoticeTest extends IntegrationTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void withSmtp(DynamicPropertyRegistry registry) {
        registry.add(OWN_DATABASE, () -> TestDatabase.url("webhooknotice"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("coop.reminders.from", () -> "coop@example.org");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebhookReceiver receiver;

    @BeforeEach
    void receiver() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    private static String location(JsonNode subscription) {
        return "/api/v1/webhooks/" + subscription.get("subscriptionId").asString();
    }

    @Test
    void aSuspendedSubscriptionsOwnerIsToldByEmailOnce() throws Exception {
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                .isEqualTo("webhooknotice");
        // the secretariat's own address, as its user is configured (kansli@halmstad.example.org)
        Api.Answer made =
                api.as("secretariat").post("/api/v1/webhooks", Map.of("url", receiver.url(), "description", "Diariet"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        JsonNode subscription = made.json();
        assertThat(subscription.get("notifyEmail").asString()).isEqualTo("kansli@halmstad.example.org");
        assertThat(subscription.has("ownerToldAt")).isFalse();

        receiver.answer(request -> 503);
        String id = new Secretariat(api).draft(Bodies.twoPartyDraft());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.received().stream().anyMatch(r -> r.body().contains(id)));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        TestClock.INSTANCE.advance(Duration.ofDays(3).plusHours(2));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.as("secretariat")
                        .get(location(subscription))
                        .json()
                        .get("state")
                        .asString()
                        .equals("SUSPENDED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage notice = smtp.getReceivedMessages()[0];
        assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("kansli@halmstad.example.org");
        assertThat(notice.getSubject()).contains("avstängd").contains("suspended");
        String body = GreenMailUtil.getBody(notice);
        assertThat(body)
                .contains(receiver.url())
                .contains("503")
                .contains("/webhooks/" + subscription.get("subscriptionId").asString());
        JsonNode suspended = api.as("secretariat").get(location(subscription)).json();
        assertThat(suspended.get("ownerToldAt").asString()).isNotBlank();

        // told once: a later failure of another event tells nothing more
        new Secretariat(api).draft(Bodies.twoPartyDraft());
        TestClock.INSTANCE.advance(Duration.ofHours(2));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        api.as("operator").delete(location(subscription));
    }

    @Test
    void theAddressToTellMayBeGivenAndMustBeOne() {
        Api.Answer given = api.as("operator")
                .post(
                        "/api/v1/webhooks",
                        Map.of("url", receiver.url(), "notifyEmail", "arendesystem@halmstad.example.org"));
        assertThat(given.status()).as(given.toString()).isEqualTo(201);
        assertThat(given.json().get("notifyEmail").asString()).isEqualTo("arendesystem@halmstad.example.org");
        api.as("operator").delete(location(given.json()));

        long before = jdbc.queryForObject("SELECT count(*) FROM webhook_subscription", Long.class);
        for (String address : java.util.List.of("not an address", "a@b", "a@localhost")) {
            Api.Answer wrong =
                    api.as("operator").post("/api/v1/webhooks", Map.of("url", receiver.url(), "notifyEmail", address));
            assertThat(wrong.status()).as(address).isEqualTo(400);
            assertThat(wrong.json().get("violations").get(0).get("field").asString())
                    .isEqualTo("notifyEmail");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_subscription", Long.class))
                .isEqualTo(before);
    }
}
