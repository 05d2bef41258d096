package se.coop.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import se.coop.api.BusinessTime;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Rebuilding a read model replays every event into emptied tables and ends with exactly the rows it had; meanwhile
 * its queries answer from the previous copy, marked {@code Coop-Rebuilding: true}.
 */
class RebuildTest extends IntegrationTest {

    private static final Map<String, List<String>> TABLES = Map.of(
            "status", List.of("SELECT * FROM agreement_status ORDER BY agreement_id"),
            "history",
                    List.of(
                            "SELECT * FROM history_entry ORDER BY event_id",
                            "SELECT * FROM history_agreement ORDER BY agreement_id"),
            "reviews",
                    List.of(
                            "SELECT * FROM review_agreement ORDER BY agreement_id",
                            "SELECT * FROM review_meeting ORDER BY review_id"),
            "reminders",
                    List.of("SELECT reminder_id || ' to ' || recipient_key AS reminder, * FROM issued_reminder"
                            + " ORDER BY reminder_id, recipient_key"));

    @Autowired
    EventProcessingConfiguration processing;

    private List<List<Map<String, Object>>> rows(String readModel) {
        return TABLES.get(readModel).stream()
                .map(sql -> jdbc.queryForList(sql).stream()
                        .map(row -> {
                            row.replaceAll((column, value) -> value == null ? null : value.toString());
                            return row;
                        })
                        .toList())
                .toList();
    }

    /** Each row that differs, by its first column (the key), with the columns that differ. */
    private static List<String> differences(
            List<List<Map<String, Object>>> before, List<List<Map<String, Object>>> after) {
        List<String> differences = new java.util.ArrayList<>();
        for (int table = 0; table < before.size(); table++) {
            Map<Object, Map<String, Object>> was = new java.util.HashMap<>();
            before.get(table).forEach(row -> was.put(row.values().iterator().next(), row));
            Map<Object, Map<String, Object>> is = new java.util.HashMap<>();
            after.get(table).forEach(row -> is.put(row.values().iterator().next(), row));
            for (Object key : was.keySet()) {
                if (!is.containsKey(key)) {
                    differences.add(key + " is gone");
                    continue;
                }
                was.get(key).forEach((column, value) -> {
                    if (!java.util.Objects.equals(value, is.get(key).get(column))) {
                        differences.add(key + "." + column + ": " + value + " became "
                                + is.get(key).get(column));
                    }
                });
            }
            is.keySet().stream().filter(key -> !was.containsKey(key)).forEach(key -> differences.add(key + " is new"));
        }
        return differences;
    }

    /** What a replay that missed rows went through: its target, its tokens, where the missing rows' events stand. */
    private String replayed(String readModel, StreamingEventProcessor processor, List<String> changed) {
        StringBuilder said = new StringBuilder();
        said.append("state ")
                .append(jdbc.queryForList("SELECT * FROM projection_state WHERE name = ?", readModel))
                .append("; head ")
                .append(jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class))
                .append("; stored tokens ")
                .append(jdbc.queryForList(
                        "SELECT segment, owner, convert_from(token, 'UTF8') AS token FROM token_entry"
                                + " WHERE processor_name = ?",
                        readModel))
                .append("; processing ")
                .append(processor.processingStatus());
        changed.stream()
                .map(difference -> difference.substring(0, 36))
                .distinct()
                .limit(5)
                .forEach(id -> said.append("; events of ")
                        .append(id)
                        .append(' ')
                        .append(jdbc.queryForList(
                                "SELECT global_index, sequence_number, payload_type, time_stamp FROM domain_event_entry"
                                        + " WHERE aggregate_identifier = ? ORDER BY global_index",
                                id)));
        return said.toString();
    }

    private void someAgreements(Secretariat secretariat) {
        String inForce = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(inForce);
        for (String party : List.of("halmstad", "laholm")) {
            secretariat.sign(inForce, party, Bodies.TEXT_V1, "2025-05-05");
            secretariat.adopt(inForce, party, Bodies.TEXT_V1, "2025-05-06");
        }
        secretariat.command(
                "/api/v1/agreements/" + inForce + "/reviews",
                Map.of(
                        "kind",
                        "MEETING",
                        "heldOn",
                        "2025-09-01",
                        "location",
                        "Laholm",
                        "outcome",
                        Map.of("summary", "Bra möte", "decision", "CONTINUE")));
        secretariat.draft(Bodies.halmstadDraft());
    }

    private void awaitRebuilt(String readModel) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT rebuilding FROM projection_state WHERE name = ?", Boolean.class, readModel))
                        .isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "history", "reviews", "reminders"})
    void aRebuildEndsWithEveryRowAsItWasAndQueriesAnswerFromThePreviousCopyMeanwhile(String readModel) {
        Secretariat secretariat = new Secretariat(api);
        someAgreements(secretariat);
        assertThat(secretariat.read("operator", "/api/v1/admin/projections").status())
                .isEqualTo(200);
        List<List<Map<String, Object>>> before = rows(readModel);
        JsonNode listBefore =
                api.as("auditor").get("/api/v1/agreements?size=100").json();

        StreamingEventProcessor processor = processing
                .eventProcessor(readModel, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        try {
            assertThat(jdbc.queryForObject(
                            "SELECT rebuilding FROM projection_state WHERE name = ?", Boolean.class, readModel))
                    .isTrue();
            assertThat(rows(readModel).get(0)).as("emptied for the replay").isEmpty();
            if (readModel.equals("reviews") || readModel.equals("reminders")) {
                for (String drawnFromIt : List.of(
                        "/api/v1/reviews?from=2000-01-01&to=2199-12-31",
                        "/api/v1/reviews/calendar.ics?party=halmstad")) {
                    assertThat(api.as("auditor").get(drawnFromIt).header("Coop-Rebuilding"))
                            .as(drawnFromIt)
                            .isEqualTo("true");
                }
            }
            if (readModel.equals("status")) {
                Api.Answer meanwhile = api.as("auditor").get("/api/v1/agreements?size=100");
                assertThat(meanwhile.header("Coop-Rebuilding")).isEqualTo("true");
                assertThat(meanwhile.json()).isEqualTo(listBefore);
            }
        } finally {
            processor.start();
        }
        awaitRebuilt(readModel);
        List<List<Map<String, Object>>> after = rows(readModel);
        List<String> changed = differences(before, after);
        assertThat(changed)
                .as(() -> "what the rebuild changed (dead letters: "
                        + jdbc.queryForList("SELECT processing_group, sequence_identifier, cause_type, cause_message"
                                + " FROM dead_letter_entry")
                        + "; " + replayed(readModel, processor, changed) + ")")
                .isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT tablename FROM pg_tables WHERE tablename LIKE '%\\_previous'", String.class))
                        .as("the previous copy is dropped soon after the rebuild is done")
                        .isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "history", "reviews", "reminders"})
    void aRebuildOverHttpReplaysWhileCommandsGoOnAndKeepsEveryRowItHad(String readModel) {
        Secretariat secretariat = new Secretariat(api);
        someAgreements(secretariat);
        someAgreements(secretariat);
        boolean reminders = readModel.equals("reminders");
        if (reminders) {
            awaitReminder(meetingInFiveDays(secretariat));
        }
        secretariat.read("operator", "/api/v1/admin/projections");
        List<List<Map<String, Object>>> before = rows(readModel);

        assertThat(api.as("operator")
                        .post("/api/v1/admin/projections/" + readModel + "/rebuild", "{}")
                        .status())
                .isEqualTo(202);
        String during = reminders ? meetingInFiveDays(secretariat) : secretariat.draft(Bodies.halmstadDraft());
        awaitRebuilt(readModel);
        if (reminders) {
            awaitReminder(during);
        }
        secretariat.read("operator", "/api/v1/admin/projections");

        List<String> differences = differences(before, rows(readModel));
        assertThat(differences)
                .as("only what the command during the rebuild added")
                .isNotEmpty()
                .allMatch(difference -> difference.endsWith(" is new"), "is new");
        if (reminders) {
            assertThat(differences).anyMatch(difference -> difference.contains(during));
        } else if (!readModel.equals("history")) {
            assertThat(differences).anyMatch(difference -> difference.startsWith(during));
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class, readModel))
                .isZero();
    }

    /** A meeting five days ahead: its seven-day reminder is issued at once. Returns the meeting's id. */
    private static String meetingInFiveDays(Secretariat secretariat) {
        String agreement = secretariat.inForce(
                Bodies.twoPartyDraft(), BusinessTime.today(TestClock.INSTANCE).minusDays(10));
        return secretariat.scheduleReview(
                agreement, TestClock.afternoonIn(5), "Rådhuset", "Granskare", "granskare@example.org");
    }

    private void awaitReminder(String reviewId) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM issued_reminder WHERE review_id = ?", Long.class, reviewId))
                        .isPositive());
    }

    /**
     * While a read model is rebuilt its queries answer from the copy made as the rebuild began: a read asking for a
     * later write (Coop-Min-Position) is told the copy cannot show it — never answered without it as if it could.
     */
    @Test
    void aReadOfYourOwnWriteDuringARebuildShowsItOrSaysItIsStale() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        StreamingEventProcessor processor = processing
                .eventProcessor("status", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        // the replay runs past the submission below while the read model stays rebuilding (its target out of reach)
        jdbc.update("UPDATE projection_state SET rebuild_target = 9000000000000 WHERE name = 'status'");
        processor.start();
        try {
            secretariat.submit(id);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> processing
                            .eventProcessor("status", StreamingEventProcessor.class)
                            .orElseThrow()
                            .processingStatus()
                            .values()
                            .stream()
                            .allMatch(segment -> segment.getCurrentPosition().orElse(0) >= secretariat.position()));
            // one read, answered as it is: stale here is what the test shows
            Api.Answer read = secretariat.reader("secretariat").get("/api/v1/agreements/" + id);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("Coop-Rebuilding")).isEqualTo("true");
            assertThat(read.json().get("state").asString())
                    .as("the copy was made before the submission")
                    .isEqualTo("DRAFT");
            assertThat(read.header("Coop-Stale"))
                    .as("so the read says it is stale, though the replay is past its position")
                    .isEqualTo("true");
        } finally {
            jdbc.update("UPDATE projection_state SET rebuild_target = (SELECT max(global_index) FROM"
                    + " domain_event_entry) WHERE name = 'status'");
        }
        awaitRebuilt("status");
        Api.Answer after = secretariat.read("secretariat", "/api/v1/agreements/" + id);
        assertThat(after.header("Coop-Stale")).isNull();
        assertThat(after.json().get("state").asString()).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void theOperatorStartsARebuildOverHttp() {
        someAgreements(new Secretariat(api));
        Api.Answer started = api.as("operator").post("/api/v1/admin/projections/history/rebuild", "{}");
        assertThat(started.status()).isEqualTo(202);
        JsonNode history = null;
        for (JsonNode projection : started.json().get("projections")) {
            if (projection.get("name").asString().equals("history")) {
                history = projection;
            }
        }
        assertThat(history.get("rebuilding").asBoolean()).isTrue();
        awaitRebuilt("history");
        assertThat(api.as("secretariat")
                        .post("/api/v1/admin/projections/history/rebuild", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(api.as("operator")
                        .post("/api/v1/admin/projections/nothing/rebuild", "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theAdminViewShowsPositionHeadAndLagOfEachReadModel() {
        Secretariat secretariat = new Secretariat(api);
        secretariat.draft(Bodies.twoPartyDraft());
        JsonNode projections =
                secretariat.read("operator", "/api/v1/admin/projections").json().get("projections");
        assertThat(projections).hasSize(4);
        for (JsonNode projection : projections) {
            assertThat(projection.get("head").asLong()).isGreaterThanOrEqualTo(secretariat.position());
            assertThat(projection.get("lag").asLong())
                    .isEqualTo(projection.get("head").asLong()
                            - projection.get("position").asLong());
            // as configured: the issued reminders are few, and one segment keeps up with them
            assertThat(projection.get("segments").asInt())
                    .as(projection.get("name").asString())
                    .isEqualTo(projection.get("name").asString().equals("reminders") ? 1 : 2);
        }
        String metrics = api.as("operator").get("/actuator/prometheus").body();
        assertThat(metrics).contains("coop_projection_lag{projection=\"status\"}");
    }
}
