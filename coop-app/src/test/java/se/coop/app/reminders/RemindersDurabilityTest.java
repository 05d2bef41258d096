package se.coop.app.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.coop.api.BusinessTime;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.Nodes;
import se.coop.app.support.Secretariat;
import se.coop.app.support.Slow;
import se.coop.app.support.TestClock;

/**
 * Reminders are durable timers in PostgreSQL: one that fell due while Coop was down is issued when it is up again,
 * once; and two Coop instances on one database issue each reminder exactly once. Each test has a database of its own.
 */
@Slow
class RemindersDurabilityTest {

    private static ConfigurableApplicationContext start(String database) {
        return Nodes.start(database, "--db-scheduler.polling-interval=200ms", "--coop.reminders.digest-poll=200ms");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return Nodes.api(context);
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class);
    }

    private static OffsetDateTime inDays(int days) {
        return TestClock.afternoonIn(days);
    }

    private static String agreementInForce(Secretariat secretariat) {
        return secretariat.inForce(
                Bodies.twoPartyDraft(), BusinessTime.today(TestClock.INSTANCE).minusDays(10));
    }

    private static String meeting(Secretariat secretariat, String agreementId, OffsetDateTime at, String reviewer) {
        return secretariat.scheduleReview(agreementId, at, "Rådhuset", "Granskare", reviewer);
    }

    private static String reviewer() {
        return "granskare-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** The reminders stored for a meeting, as {@code offset} values of its ReviewReminderIssued events. */
    private static List<Integer> issued(JdbcTemplate jdbc, String reviewId) {
        return jdbc.queryForList(
                "SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'offsetDays')::int FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type = 'se.coop.api.reminder.ReviewReminderIssued'"
                        + " ORDER BY sequence_number",
                Integer.class,
                "meeting-" + reviewId);
    }

    private static long planned(JdbcTemplate jdbc, String reviewId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type = 'se.coop.api.reminder.RemindersPlanned'",
                Long.class,
                "meeting-" + reviewId);
    }

    /** Has every node look for due timers now, and waits until none is left due. */
    private static void runDueTimers(List<ConfigurableApplicationContext> nodes) {
        nodes.forEach(node -> node.getBean(Scheduler.class).triggerCheckForDueExecutions());
        JdbcTemplate jdbc = jdbc(nodes.get(0));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM scheduled_tasks WHERE execution_time <= ?",
                                Long.class,
                                Timestamp.from(TestClock.INSTANCE.instant())))
                        .isZero());
    }

    @Test
    void aReminderThatFellDueWhileCoopWasDownIsIssuedOnceWhenItIsUpAgain() {
        String reviewer = reviewer();
        OffsetDateTime far = inDays(40);
        OffsetDateTime near = inDays(35);
        String farMeeting;
        String nearMeeting;
        try (ConfigurableApplicationContext before = start("downtime")) {
            Secretariat secretariat = new Secretariat(api(before));
            String id = agreementInForce(secretariat);
            farMeeting = meeting(secretariat, id, far, reviewer);
            nearMeeting = meeting(secretariat, id, near, reviewer);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(planned(jdbc(before), farMeeting)).isEqualTo(1);
                assertThat(planned(jdbc(before), nearMeeting)).isEqualTo(1);
            });
            assertThat(issued(jdbc(before), farMeeting)).isEmpty();
        }

        // Coop is down while the far meeting's 30-day reminder and both of the near meeting's fall due.
        TestClock.INSTANCE.advanceTo(inDays(29).toInstant());

        try (ConfigurableApplicationContext after = start("downtime")) {
            JdbcTemplate jdbc = jdbc(after);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(issued(jdbc, farMeeting)).containsExactly(30);
                assertThat(issued(jdbc, nearMeeting))
                        .as("of two missed reminders, only the nearest")
                        .containsExactly(7);
            });
            runDueTimers(List.of(after));
            assertThat(issued(jdbc, farMeeting)).containsExactly(30);
            assertThat(issued(jdbc, nearMeeting)).containsExactly(7);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(api(after)
                                    .as("reviewer")
                                    .get("/api/v1/reminders?since=2000-01-01&reviewer=" + reviewer)
                                    .json()
                                    .get("reminders"))
                            .hasSize(2));
        }
    }

    @Test
    void twoInstancesOnOneDatabaseIssueEachReminderExactlyOnce() {
        ConfigurableApplicationContext one = start("twins");
        ConfigurableApplicationContext two = start("twins");
        try {
            List<ConfigurableApplicationContext> nodes = List.of(one, two);
            List<String> meetings = new ArrayList<>();
            String reviewer = reviewer();
            for (int i = 0; i < 6; i++) {
                Secretariat secretariat = new Secretariat(api(nodes.get(i % 2)));
                meetings.add(meeting(secretariat, agreementInForce(secretariat), inDays(40 + i), reviewer));
            }
            JdbcTemplate jdbc = jdbc(one);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() ->
                            meetings.forEach(m -> assertThat(planned(jdbc, m)).isEqualTo(1)));

            TestClock.INSTANCE.advanceTo(inDays(16).toInstant());
            runDueTimers(nodes);

            meetings.forEach(m -> assertThat(issued(jdbc, m)).as(m).containsExactly(30));
            for (ConfigurableApplicationContext node : nodes) {
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(api(node)
                                        .as("reviewer")
                                        .get("/api/v1/reminders?since=2000-01-01&reviewer=" + reviewer)
                                        .json()
                                        .get("reminders"))
                                .hasSize(6));
            }
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                    "SELECT count(*) FROM reminder_delivery WHERE recipient_key = (SELECT contact_id::text FROM contact WHERE lower(email) = lower(?))",
                                    Long.class,
                                    reviewer))
                            .as("each reminder handed to delivery once")
                            .isEqualTo(6));
        } finally {
            two.close();
            one.close();
        }
    }
}
