package se.coop.app.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.coop.api.BusinessTime;
import se.coop.app.CoopApplication;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.Reminders;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import se.coop.app.support.TestClockConfiguration;
import se.coop.app.support.TestDatabase;
import se.coop.query.reminders.DigestSender;
import tools.jackson.databind.JsonNode;

/**
 * Reminders by e-mail to a real SMTP server (GreenMail): one digest per reviewer per day with what the reviewer needs
 * for each meeting, and a failed send retried until it goes through.
 */
@SpringBootTest(classes = CoopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class ReminderDigestTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void withSmtp(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("mail"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("coop.reminders.from", () -> "coop@example.org");
        registry.add("coop.reminders.digest-poll", () -> "1h");
    }

    @LocalServerPort
    int port;

    @Autowired
    DigestSender digests;

    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private Secretariat secretariat;
    private String reviewer;

    @BeforeEach
    void driver() {
        api = new Api(port);
        secretariat = new Secretariat(api);
        reviewer = "ledamot-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String agreementInForce(String title) {
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.twoPartyDraft());
        draft.put("title", Map.of("sv", title));
        return secretariat.inForce(draft, BusinessTime.today(TestClock.INSTANCE).minusDays(20));
    }

    private void meetingInFiveDays(String id, String location) {
        secretariat.scheduleReview(id, TestClock.afternoonIn(5), location, "Ledamot", reviewer);
    }

    private List<JsonNode> reminders() {
        return Reminders.to(api, reviewer);
    }

    private List<MimeMessage> mailsTo(String address) throws MessagingException {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                mails.add(message);
            }
        }
        return mails;
    }

    @Test
    void aReviewerGetsOneDigestADayWithWhatEachMeetingNeeds() throws Exception {
        String first = agreementInForce("Samverkan om kompetensförsörjning");
        String second = agreementInForce("Samverkan om besöksnäring");
        secretariat.command(
                "/api/v1/agreements/" + first + "/reviews",
                Map.of(
                        "kind",
                        "ANNUAL_REVIEW",
                        "heldOn",
                        BusinessTime.today(TestClock.INSTANCE).minusDays(2).toString(),
                        "outcome",
                        Map.of("summary", "Handlingsplanen följs", "decision", "CONTINUE")));
        meetingInFiveDays(first, "Rådhuset, Halmstad");
        meetingInFiveDays(second, "Stadshuset, Laholm");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reminders()).hasSize(2));

        digests.sendDue();

        List<MimeMessage> mails = mailsTo(reviewer);
        assertThat(mails).hasSize(1);
        MimeMessage digest = mails.get(0);
        assertThat(digest.getFrom()[0].toString()).isEqualTo("coop@example.org");
        assertThat(digest.getSubject()).isEqualTo("Coop: 2 påminnelser / 2 reminders");
        String body = (String) digest.getContent();
        assertThat(body)
                .contains("Samverkan om kompetensförsörjning")
                .contains("Samverkan om besöksnäring")
                .contains("kl. 13:00, Rådhuset, Halmstad (om 5 dagar / in 5 days)")
                .contains("Stadshuset, Laholm")
                .contains("Handlingsplanen följs (fortsätta / continue)")
                .as("links point at the address and port this node listens on, no public URL being configured")
                .contains("http://127.0.0.1:" + port + "/agreements/" + first)
                .contains("http://127.0.0.1:" + port + "/agreements/" + second);
        assertThat(reminders()).allMatch(r -> r.get("delivery").asString().equals("DELIVERED"));
        String digestId = jdbc.queryForObject(
                "SELECT DISTINCT digest_id FROM reminder_delivery WHERE recipient_key = (SELECT contact_id::text FROM contact WHERE lower(email) = lower(?))",
                String.class,
                reviewer);
        assertThat(digest.getMessageID())
                .as("the digest's own Message-ID: sent again after a node died before marking it, the same mail")
                .isEqualTo("<" + digestId + "@reminders.coop>");

        String third = agreementInForce("Samverkan om välfärd");
        meetingInFiveDays(third, "Högskolan i Halmstad");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reminders()).hasSize(3));
        digests.sendDue();
        assertThat(mailsTo(reviewer)).as("one digest a day").hasSize(1);

        LocalDate tomorrow = BusinessTime.today(TestClock.INSTANCE).plusDays(1);
        TestClock.INSTANCE.advanceTo(
                tomorrow.atTime(7, 1).atZone(BusinessTime.ZONE).toInstant());
        digests.sendDue();
        assertThat(mailsTo(reviewer)).hasSize(2);
        assertThat((String) mailsTo(reviewer).get(1).getContent()).contains("Samverkan om välfärd");
    }

    @Test
    void aDigestThatCannotBeSentIsRetriedAndShownUntilItGoesThrough() throws Exception {
        String id = agreementInForce("Samverkan om infrastruktur");
        meetingInFiveDays(id, "Kommunhuset");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reminders()).hasSize(1));

        smtp.stop();
        try {
            digests.sendDue();
            JsonNode failed = reminders().get(0);
            assertThat(failed.get("delivery").asString()).isEqualTo("RETRYING");
            assertThat(failed.get("deliveryAttempts").asInt()).isEqualTo(1);
            assertThat(failed.get("deliveryError").asString()).isNotBlank();
        } finally {
            smtp.start();
        }
        digests.sendDue();
        assertThat(reminders().get(0).get("delivery").asString())
                .as("not before the pause")
                .isEqualTo("RETRYING");

        TestClock.INSTANCE.advance(Duration.ofMinutes(2));
        digests.sendDue();
        assertThat(reminders().get(0).get("delivery").asString()).isEqualTo("DELIVERED");
        assertThat(mailsTo(reviewer)).hasSize(1);
    }
}
