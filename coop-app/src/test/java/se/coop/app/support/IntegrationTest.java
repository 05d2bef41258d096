package se.coop.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.coop.app.CoopApplication;

/**
 * Coop as it runs, on a random port over a real PostgreSQL, with the test clock. Every test class extending this shares
 * one Spring context; tests work on agreements of their own, so they never depend on each other's data.
 */
@SpringBootTest(classes = CoopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class IntegrationTest {

    /**
     * The property naming the database of a test class that needs a Spring context of its own: two contexts on one
     * database would share its processors' claims (they run under one name in one JVM) and both process every event.
     */
    protected static final String OWN_DATABASE = "coop.test.database-url";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private Scheduler scheduler;

    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // a class that needs a context of its own names its own database in coop.test.database-url: registering
        // spring.datasource.url again would not do, since this registration runs after a subclass's and wins
        registry.add("spring.datasource.url", () -> "${" + OWN_DATABASE + ":" + TestDatabase.url("coop") + "}");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("db-scheduler.polling-interval", () -> "200ms");
        registry.add("coop.reminders.digest-poll", () -> "200ms");
        registry.add("coop.reminders.secretariats.halmstad", () -> "kansli@halmstad.example.org");
        // HttpSemanticsTest fills the waits of read-your-writes; a few are enough to show the bound
        registry.add("coop.read-your-writes.max-waiting", () -> "4");
        // every test signs in from 127.0.0.1: the limit per address is not what the tests of wrong passwords show
        registry.add("coop.security.sign-ins.per-address", () -> "100000");
        registry.add("coop.archive.export-dir", () -> "target/archive-exports");
        registry.add("coop.checkpoints.key", () -> TestKeys.SIGNING_KEY);
        // uploads over the limit are tried without sending 50 MB
        registry.add("coop.documents.max-size", () -> "2MB");
        // HeavyExtractsTest holds the node's turns: a second, not ten, shows the wait
        registry.add("coop.extracts.wait-for-turn", () -> "1s");
        // every dossier in the tests is rendered in parts and joined, as a large one is (LargeDossiersTest)
        registry.add("coop.extracts.dossier-part-rows", () -> "8");
        // the tests' webhook receivers listen on localhost; a hanging one is given up on after a second
        registry.add("coop.webhooks.allowed-local-hosts", () -> "localhost");
        // the open register on, built afresh for every request, for as many requests as the tests send
        registry.add("coop.open-data.enabled", () -> "true");
        registry.add("coop.open-data.publisher-name", () -> "Region Halland");
        registry.add("coop.open-data.contact-email", () -> "opendata@regionhalland.example.org");
        registry.add("coop.open-data.publisher-id", () -> "232100-0198");
        registry.add("coop.open-data.contact-phone", () -> "+46 35 13 48 00");
        registry.add("coop.open-data.contact-street", () -> "Box 517");
        registry.add("coop.open-data.contact-postal-code", () -> "301 80");
        registry.add("coop.open-data.contact-locality", () -> "Halmstad");
        registry.add("coop.open-data.contact-country", () -> "SE");
        registry.add("coop.open-data.cache-for", () -> "0s");
        registry.add("coop.open-data.requests-per-minute", () -> "100000");
        registry.add("coop.webhooks.poll", () -> "200ms");
        registry.add("coop.webhooks.read-timeout", () -> "1s");
        registry.add("coop.webhooks.connect-timeout", () -> "1s");
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** Moves the clock and lets db-scheduler run every timer now due, waiting until none is left. */
    protected void passTime(OffsetDateTime to) {
        TestClock.INSTANCE.advanceTo(to.toInstant());
        scheduler.triggerCheckForDueExecutions();
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM scheduled_tasks WHERE execution_time <= ?",
                                Long.class,
                                Timestamp.from(TestClock.INSTANCE.instant())))
                        .isZero());
    }

    /** Events stored for one agreement. */
    protected long eventsOf(String agreementId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, agreementId);
    }

    /**
     * Events written on someone's request: what "nothing was written" is checked against. What Coop writes on its own ({@code Origin.COOP}: reminders planned after a
     * meeting was scheduled, timers coming due) is left out: other tests' agreements may have some coming at any
     * moment, so a count of every event cannot show that refused requests wrote nothing.
     */
    protected long requestedEvents() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry"
                        + " WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'role' IS DISTINCT FROM 'SYSTEM'",
                Long.class);
    }
}
