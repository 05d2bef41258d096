package se.coop.app.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.coop.api.BusinessTime;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Reminders;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Reminders before meetings, on the test clock: at each offset, the nearest passed one at once, moved with the
 * meeting, withdrawn with it; and the secretariat's reminder when a review is overdue.
 */
class RemindersTest extends IntegrationTest {

    private Secretariat secretariat;
    private String reviewer;

    @BeforeEach
    void driver() {
        secretariat = new Secretariat(api);
        reviewer = "granskare-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private String inForce() {
        return secretariat.inForce(
                Bodies.twoPartyDraft(), BusinessTime.today(TestClock.INSTANCE).minusDays(10));
    }

    private OffsetDateTime inDays(int days) {
        return TestClock.afternoonIn(days);
    }

    private String schedule(String id, OffsetDateTime at) {
        return secretariat.scheduleReview(id, at, "Rådhuset", "Granskare", reviewer);
    }

    private List<JsonNode> reminders() {
        return Reminders.to(api, reviewer);
    }

    private long planEvents(String reviewId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                "meeting-" + reviewId);
    }

    @Test
    void aMeetingFiveDaysAheadGetsItsSevenDayReminderAtOnceAndOnlyThatOne() {
        String id = inForce();
        String review = schedule(id, inDays(5));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reminders()).hasSize(1));
        JsonNode reminder = reminders().get(0);
        assertThat(reminder.get("offsetDays").asInt()).isEqualTo(7);
        assertThat(reminder.get("reviewId").asString()).isEqualTo(review);
        assertThat(reminder.get("subject").asString()).isEqualTo("MEETING");
        passTime(inDays(4));
        assertThat(reminders()).as("no stale 30-day reminder, nothing twice").hasSize(1);

        // the reminder's event is written by the planning, not by the secretariat: the history has it once its
        // read model has caught up, which the secretariat's own read-your-writes does not wait for
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> history = new ArrayList<>();
            secretariat
                    .read("auditor", "/api/v1/agreements/" + id + "/history")
                    .json()
                    .get("entries")
                    .forEach(e -> history.add(
                            e.get("type").asString() + ": " + e.get("summary").asString()));
            assertThat(history)
                    .anyMatch(e -> e.startsWith("ReviewReminderIssued: Påminnelse (7 dagar före) om mötet")
                            && e.contains(reviewer));
        });
        assertThat(secretariat
                        .read("auditor", "/api/v1/agreements/" + id)
                        .json()
                        .get("version")
                        .asLong())
                .as("reminders never change the agreement's version")
                .isEqualTo(eventsOf(id));
    }

    @Test
    void eachOffsetFiresAtItsTime() {
        String id = inForce();
        OffsetDateTime meeting = inDays(60);
        String review = schedule(id, meeting);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(planEvents(review)).isEqualTo(1));
        assertThat(reminders()).isEmpty();

        passTime(meeting.minusDays(30).plusMinutes(1));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reminders()).hasSize(1));
        assertThat(reminders().get(0).get("offsetDays").asInt()).isEqualTo(30);

        passTime(meeting.minusDays(7).plusMinutes(1));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reminders()).hasSize(2));
        assertThat(reminders().get(0).get("offsetDays").asInt()).isEqualTo(7);
    }

    @Test
    void reschedulingMovesThePendingReminders() {
        String id = inForce();
        OffsetDateTime first = inDays(60);
        OffsetDateTime moved = inDays(90);
        String review = schedule(id, first);
        secretariat.command(
                "/api/v1/agreements/" + id + "/reviews/" + review + "/reschedule",
                Map.of("startsAt", moved.toString()));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(planEvents(review)).isEqualTo(2));

        passTime(first.minusDays(30).plusMinutes(1));
        assertThat(reminders()).as("nothing at the old time").isEmpty();

        passTime(moved.minusDays(30).plusMinutes(1));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reminders()).hasSize(1));
        assertThat(reminders().get(0).get("dueAt").asString())
                .isEqualTo(moved.toInstant().toString());
    }

    @Test
    void cancellingWithdrawsThePendingReminders() {
        String id = inForce();
        OffsetDateTime meeting = inDays(20);
        String review = schedule(id, meeting);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reminders()).hasSize(1));
        secretariat.command(
                "/api/v1/agreements/" + id + "/reviews/" + review + "/cancellation", Map.of("reason", "Inställt"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(planEvents(review)).isEqualTo(3));
        assertThat(jdbc.queryForObject(
                        "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " AND sequence_number = 2",
                        String.class,
                        "meeting-" + review))
                .contains("\"pendingOffsetsDays\":[7]");

        passTime(meeting.minusDays(7).plusMinutes(1));
        assertThat(reminders())
                .as("only the 30-day reminder, from before the cancellation")
                .hasSize(1);
    }

    @Test
    void anAgreementWhoseReviewIsOverdueRemindsTheLeadPartysSecretariat() {
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);
        String longAgo = BusinessTime.today(TestClock.INSTANCE).minusMonths(14).toString();
        for (String party : List.of("halmstad", "laholm")) {
            secretariat.sign(id, party, Bodies.TEXT_V1, longAgo);
            secretariat.adopt(id, party, Bodies.TEXT_V1, longAgo);
        }
        assertThat(secretariat
                        .read("reviewer", "/api/v1/agreements/" + id)
                        .json()
                        .get("overdue")
                        .asBoolean())
                .isTrue();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                Long.class,
                                "overdue-" + id))
                        .isEqualTo(1));
        assertThat(overdueReminders(id)).as("not before the grace has passed").isEmpty();
        passTime(OffsetDateTime.ofInstant(TestClock.INSTANCE.instant(), BusinessTime.ZONE)
                .plusHours(1)
                .plusMinutes(1));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(overdueReminders(id)).containsExactly("OVERDUE_REVIEW"));
    }

    private List<String> overdueReminders(String id) {
        List<String> subjects = new ArrayList<>();
        api.as("auditor")
                .get("/api/v1/reminders?since=2000-01-01&reviewer=kansli@halmstad.example.org")
                .json()
                .get("reminders")
                .forEach(r -> {
                    if (r.get("agreementId").asString().equals(id)) {
                        subjects.add(r.get("subject").asString());
                    }
                });
        return subjects;
    }

    @Test
    void anAvtalssamverkanTracksEachSwedishPartysYearlyReportToItsCouncil() {
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.twoPartyDraft());
        draft.put("kind", "AVTALSSAMVERKAN");
        String id = secretariat.draft(draft);
        secretariat.submit(id);
        LocalDate approved = BusinessTime.today(TestClock.INSTANCE).minusDays(10);
        for (String party : List.of("halmstad", "laholm")) {
            secretariat.sign(id, party, Bodies.TEXT_V1, approved.toString());
            secretariat.adopt(id, party, Bodies.TEXT_V1, approved.toString());
        }
        JsonNode status =
                secretariat.read("reviewer", "/api/v1/agreements/" + id).json();
        status.get("parties")
                .forEach(party -> assertThat(party.get("councilReportDueOn").asString())
                        .isEqualTo(approved.plusYears(1).toString()));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                                Long.class,
                                "council-report-" + id + "-%"))
                        .isEqualTo(2));
    }
}
