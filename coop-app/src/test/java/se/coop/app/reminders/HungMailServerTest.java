package se.coop.app.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import se.coop.app.support.TestClockConfiguration;
import se.coop.app.support.TestDatabase;
import se.coop.query.reminders.DigestSender;

/**
 * A mail server that accepts the connection and never answers holds nothing of Coop's but the sending thread: while
 * the digest waits for it, no database connection is open in a transaction and no lock is held, a second poll does
 * not send the claimed digest again, and once the SMTP timeout passes the reminder is RETRYING with the error.
 */
@SpringBootTest(classes = CoopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class HungMailServerTest {

    private static final ServerSocket SILENT = silentServer();
    private static final List<Socket> ACCEPTED = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void withSilentSmtp(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("hung_mail"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SILENT::getLocalPort);
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "3000");
        registry.add("coop.reminders.digest-poll", () -> "1h");
    }

    /** Accepts every connection and says nothing: an SMTP client waits for a greeting that never comes. */
    private static ServerSocket silentServer() {
        try {
            ServerSocket server = new ServerSocket(0);
            Thread acceptor = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try {
                                ACCEPTED.add(server.accept());
                            } catch (IOException closed) {
                                return;
                            }
                        }
                    },
                    "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void close() throws IOException {
        SILENT.close();
        for (Socket socket : ACCEPTED) {
            socket.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    DigestSender digests;

    @Autowired
    JdbcTemplate jdbc;

    private String status(String reviewer) {
        return jdbc.queryForObject(
                "SELECT string_agg(DISTINCT status, ',') FROM reminder_delivery WHERE recipient_key = (SELECT contact_id::text FROM contact WHERE lower(email) = lower(?))",
                String.class,
                reviewer);
    }

    @Test
    void aServerThatNeverAnswersHoldsNoConnectionNoLockAndTheReminderIsRetried() throws Exception {
        Secretariat secretariat = new Secretariat(new Api(port));
        String reviewer = "ledamot-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String agreement = secretariat.inForce(
                Bodies.twoPartyDraft(), BusinessTime.today(TestClock.INSTANCE).minusDays(20));
        secretariat.scheduleReview(agreement, TestClock.afternoonIn(5), "Rådhuset", "Ledamot", reviewer);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PENDING".equals(status(reviewer)));

        ExecutorService poll = Executors.newSingleThreadExecutor();
        try {
            Future<?> sending = poll.submit(digests::sendDue);
            await().atMost(Duration.ofSeconds(10)).until(() -> !ACCEPTED.isEmpty());
            assertThat(status(reviewer)).as("claimed, with a lease").isEqualTo("SENDING");

            Map<String, Object> held =
                    jdbc.queryForMap("SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND state LIKE 'idle in transaction%') AS open_transactions,"
                            + " (SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                            + " WHERE d.datname = current_database() AND l.locktype = 'advisory') AS advisory_locks");
            assertThat(held).containsEntry("open_transactions", 0L).containsEntry("advisory_locks", 0L);

            int connectionsBefore = ACCEPTED.size();
            digests.sendDue();
            assertThat(ACCEPTED)
                    .as("a second poll leaves the claimed digest alone")
                    .hasSize(connectionsBefore);

            sending.get();
        } finally {
            poll.shutdownNow();
        }
        assertThat(status(reviewer)).isEqualTo("RETRYING");
        assertThat(jdbc.queryForObject(
                        "SELECT last_error FROM reminder_delivery WHERE recipient_key = (SELECT contact_id::text FROM contact WHERE lower(email) = lower(?))",
                        String.class,
                        reviewer))
                .containsIgnoringCase("timed out");
    }
}
