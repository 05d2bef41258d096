package se.coop.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import se.coop.api.AgreementId;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementText;
import se.coop.api.LocalizedText;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.PartyKind;
import se.coop.api.Term;
import se.coop.api.command.DraftIntent;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import tools.jackson.databind.JsonNode;

/**
 * An event a read model cannot write — a NUL character, which PostgreSQL text cannot hold, as earlier versions of
 * Coop accepted it — never stops Coop: each read model parks it and goes on. And should even parking fail, the
 * processor is reported stalled by the health check, the admin view and a gauge, until the cause is gone.
 */
class PoisonEventTest extends IntegrationTest {

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventProcessingConfiguration processing;

    private final List<String> poisons = new ArrayList<>();

    /** The poison is fed on purpose: the processors' warnings about it are this test's expected outcome. */
    private static final List<String> EXPECTED_WARNINGS = List.of(
            "org.axonframework.eventhandling.TrackingEventProcessor", "se.coop.query.readmodel.FailureIsolation");

    @BeforeEach
    void quietExpectedWarnings() {
        EXPECTED_WARNINGS.forEach(name -> logger(name).setLevel(Level.ERROR));
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }

    /** The command as an earlier version of Coop let it through; today the HTTP API refuses it (ClientInputTest). */
    private String draftWithNul() {
        AgreementId id = AgreementId.random();
        draft(id, "Samverkan a\u0000b", "Halmstads\u0000kommun", "Avsikt\u0000");
        poisons.add(id.toString());
        return id.toString();
    }

    @AfterEach
    void removeThePoisonsOnceEveryProcessorHasPassedThem() {
        jdbc.execute("DROP TRIGGER IF EXISTS refuse_delivery ON reminder_delivery");
        jdbc.execute("DROP TRIGGER IF EXISTS refuse_parking ON dead_letter_entry");
        jdbc.execute("DROP TRIGGER IF EXISTS refuse_planning ON association_value_entry");
        for (String poison : poisons) {
            long position = jdbc.queryForObject(
                    "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Long.class,
                    poison);
            // a clean draft in the poison's segments: a segment's token moves past an event it parked when it has
            // its next event to handle, and the poison may be the store's last
            nudge(poison);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> everyProcessorPassed(poison, position));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("not every processor passed position " + position + ": " + processors(), e);
            }
            jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", poison);
            jdbc.update("DELETE FROM dead_letter_entry WHERE sequence_identifier = ?", poison);
        }
        EXPECTED_WARNINGS.forEach(name -> logger(name).setLevel(null));
    }

    /** Drafts a clean agreement whose stream falls in the same segment as {@code poison} in every processor. */
    private void nudge(String poison) {
        List<org.axonframework.eventhandling.Segment> segments = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .flatMap(processor -> processor.processingStatus().values().stream())
                .map(EventTrackerStatus::getSegment)
                .filter(segment -> segment.matches(poison))
                .toList();
        AgreementId clean;
        do {
            clean = AgreementId.random();
        } while (!inAll(segments, clean.toString()));
        draft(clean, "Samverkan efter giftet");
    }

    /** A draft of Halmstad and Laholm with {@code title}, sent as a command. */
    private void draft(AgreementId id, String title) {
        draft(id, title, "Halmstads kommun", "Avsikt");
    }

    /** A draft of Halmstad and Laholm as a command, with the texts given (the poison's hold a NUL). */
    private void draft(AgreementId id, String title, String halmstad, String textTitle) {
        commands.sendAndWait(new DraftIntent(
                id,
                new LocalizedText(title, null, null),
                AgreementKind.LETTER_OF_INTENT,
                false,
                List.of(
                        new Party(
                                PartyId.of("halmstad"),
                                halmstad,
                                PartyKind.MUNICIPALITY,
                                "SE",
                                "Kommunstyrelsen",
                                null,
                                true),
                        new Party(
                                PartyId.of("laholm"),
                                "Laholms kommun",
                                PartyKind.MUNICIPALITY,
                                "SE",
                                "Kommunstyrelsen",
                                null,
                                false)),
                List.of(),
                new Term(null, null, true, 6, false),
                null,
                null,
                null,
                new AgreementText(Bodies.TEXT_V1, textTitle, null, null, null)));
    }

    private static boolean inAll(List<org.axonframework.eventhandling.Segment> segments, String stream) {
        return segments.stream().allMatch(segment -> segment.matches(stream));
    }

    /** Each streaming processor's segments: its token's position, and whether it is in error. */
    private String processors() {
        StringBuilder said = new StringBuilder();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                said.append(name)
                        .append(streaming.isRunning() ? "" : " (stopped)")
                        .append(" {");
                streaming
                        .processingStatus()
                        .forEach((segment, status) -> said.append(segment)
                                .append(": ")
                                .append(
                                        status.getTrackingToken() == null
                                                ? "no token"
                                                : status.getTrackingToken()
                                                        .position()
                                                        .orElse(-1))
                                .append(status.isErrorState() ? " error " + status.getError() : "")
                                .append("; "));
                said.append("} ");
            }
        });
        return said.toString();
    }

    /**
     * Whether every processor has passed the poison: the segment of each that the poison's stream falls in (the
     * others never read it; an idle segment's token moves only when it next has work, so it may stay just before).
     */
    private boolean everyProcessorPassed(String poison, long position) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream()
                                .filter(status -> status.getSegment().matches(poison))
                                .map(EventTrackerStatus::getTrackingToken)
                                .allMatch(token ->
                                        token != null && token.position().orElse(-1) >= position));
    }

    private long parked(String processingGroup, String agreementId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? AND sequence_identifier = ?",
                Long.class,
                processingGroup,
                agreementId);
    }

    private JsonNode projection(String name) {
        for (JsonNode projection :
                api.as("operator").get("/api/v1/admin/projections").json().get("projections")) {
            if (projection.get("name").asString().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no read model " + name);
    }

    @Test
    void anEventNoReadModelCanWriteIsParkedByEachAndTheOthersGoOn() {
        String poison = draftWithNul();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String readModel : List.of("status", "history", "reviews")) {
                assertThat(parked(readModel, poison)).as(readModel).isEqualTo(1);
            }
        });
        assertThat(jdbc.queryForObject(
                        "SELECT cause_message FROM dead_letter_entry WHERE processing_group = 'status'"
                                + " AND sequence_identifier = ?",
                        String.class,
                        poison))
                .contains("0x00");

        Secretariat secretariat = new Secretariat(api);
        String later = secretariat.draft(Bodies.twoPartyDraft());
        Api.Answer read = secretariat.read("reviewer", "/api/v1/agreements/" + later);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Coop-Stale"))
                .as("every read model went on past the poison")
                .isNull();
        assertThat(secretariat
                        .read("secretariat", "/api/v1/agreements/" + later + "/history")
                        .status())
                .isEqualTo(200);

        for (String readModel : List.of("status", "history", "reviews")) {
            JsonNode status = projection(readModel);
            assertThat(status.get("stalled").asBoolean()).as(readModel).isFalse();
            assertThat(status.get("deadLetters").asLong()).as(readModel).isPositive();
        }
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.as("auditor")
                        .get("/api/v1/agreements/" + poison + "/verification")
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void whenEvenParkingFailsTheProcessorIsReportedStalledUntilTheCauseIsGone() {
        jdbc.execute("CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'refused by PoisonEventTest'; END $$");
        String poison = AgreementId.random().toString();
        jdbc.execute("CREATE TRIGGER refuse_parking BEFORE INSERT ON dead_letter_entry FOR EACH ROW WHEN"
                + " (NEW.processing_group = 'reviews' AND NEW.sequence_identifier = '" + poison + "')"
                + " EXECUTE FUNCTION refuse()");
        jdbc.execute("CREATE TRIGGER refuse_planning BEFORE INSERT ON association_value_entry FOR EACH ROW WHEN"
                + " (NEW.association_value = '" + poison + "') EXECUTE FUNCTION refuse()");
        draft(AgreementId.of(poison), "Samverkan a\u0000b");
        poisons.add(poison);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Answer health = api.as("operator").get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            JsonNode stalled = health.json()
                    .get("components")
                    .get("eventProcessors")
                    .get("details")
                    .get("stalled");
            // the error that began the stall: for the read model the failed batch, for planning the refusal
            assertThat(stalled.get("reviews").asString()).contains("Exception");
            assertThat(stalled.get("reminder-planning").asString()).contains("refused by PoisonEventTest");
        });
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(503);
        assertThat(api.anonymous().get("/actuator/health/readiness").status()).isEqualTo(503);
        JsonNode reviews = projection("reviews");
        assertThat(reviews.get("stalled").asBoolean()).isTrue();
        assertThat(reviews.get("error").asString()).contains("\\u0000 cannot be converted to text");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(projection("status").get("stalled").asBoolean())
                                .as("status parks the poison on its next attempt, one event at a time")
                                .isFalse());
        assertThat(projection("reviews").get("stalled").asBoolean()).isTrue();
        JsonNode processors =
                api.as("operator").get("/api/v1/admin/projections").json().get("processors");
        Map<String, Boolean> stalledByName = new java.util.HashMap<>();
        processors.forEach(p ->
                stalledByName.put(p.get("name").asString(), p.get("stalled").asBoolean()));
        assertThat(stalledByName)
                .containsEntry("reviews", true)
                .containsEntry("reminder-planning", true)
                .containsEntry("status", false)
                .containsEntry("reminder-delivery", false);
        assertThat(api.as("operator").get("/actuator/prometheus").body()).contains("coop_processors_stalled 2.0");

        jdbc.execute("DROP TRIGGER refuse_parking ON dead_letter_entry");
        jdbc.execute("DROP TRIGGER refuse_planning ON association_value_entry");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
            assertThat(parked("reviews", poison)).isEqualTo(1);
        });
        assertThat(projection("reviews").get("stalled").asBoolean()).isFalse();
    }

    /** Delivery skips nothing either: a reminder it cannot hand over stalls it, visibly, until it can. */
    @Test
    void aReminderThatCannotBeHandedToDeliveryStallsDeliveryUntilItCan() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.inForce(Bodies.twoPartyDraft(), java.time.LocalDate.of(2020, 1, 28));
        jdbc.execute("CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'refused by PoisonEventTest'; END $$");
        jdbc.execute("CREATE TRIGGER refuse_delivery BEFORE INSERT ON reminder_delivery FOR EACH ROW WHEN"
                + " (NEW.agreement_id = '" + id + "') EXECUTE FUNCTION refuse()");
        secretariat.scheduleReview(
                id, se.coop.app.support.TestClock.afternoonIn(5), "Rådhuset", "Anna", "anna.stall@example.org");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode processors =
                    api.as("operator").get("/api/v1/admin/projections").json().get("processors");
            Map<String, String> errors = new java.util.HashMap<>();
            processors.forEach(p -> errors.put(
                    p.get("name").asString(),
                    p.get("stalled").asBoolean() ? p.get("error").asString() : null));
            assertThat(errors.get("reminder-delivery")).contains("refused by PoisonEventTest");
        });
        assertThat(api.anonymous().get("/actuator/health/readiness").status()).isEqualTo(503);

        jdbc.execute("DROP TRIGGER refuse_delivery ON reminder_delivery");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM reminder_delivery WHERE agreement_id = ?", Long.class, id))
                    .as("the reminder was handed over in the end, not skipped")
                    .isEqualTo(1);
        });
    }
}
