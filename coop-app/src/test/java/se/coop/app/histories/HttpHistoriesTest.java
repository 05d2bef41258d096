package se.coop.app.histories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.coop.api.AgreementState;
import se.coop.api.BusinessTime;
import se.coop.api.command.AbandonDraft;
import se.coop.api.command.AdoptByBoard;
import se.coop.api.command.ArchiveAgreement;
import se.coop.api.command.AttachDocument;
import se.coop.api.command.CancelReview;
import se.coop.api.command.DraftIntent;
import se.coop.api.command.GiveNotice;
import se.coop.api.command.LinkAgreement;
import se.coop.api.command.ProposeAmendment;
import se.coop.api.command.RecordAppeal;
import se.coop.api.command.RecordHeldReview;
import se.coop.api.command.RecordReviewOutcome;
import se.coop.api.command.RemoveParty;
import se.coop.api.command.RescheduleReview;
import se.coop.api.command.ReviseDraft;
import se.coop.api.command.ScheduleAnnualReview;
import se.coop.api.command.SignAgreement;
import se.coop.api.command.SubmitForAdoption;
import se.coop.api.command.TerminateAgreement;
import se.coop.app.histories.Generator.Step;
import se.coop.app.support.Api;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Slow;
import se.coop.app.support.TestClock;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Generated histories through the HTTP API on PostgreSQL, their timers on db-scheduler (docs/domain.md): 30 of them
 * side by side on one clock, each step sent as a secretariat would send it. Every command is answered without a
 * server error; every read of every history answers — the status now, {@code asOf} each instant an event was
 * recorded, {@code validOn} days across the history, its history in words, its events, its verification, the lists,
 * the reviews and the calendar — and a rebuild of each read model gives every agreement exactly what it showed live.
 */
@Slow
class HttpHistoriesTest extends IntegrationTest {

    private static final int HISTORIES = Integer.getInteger("coop.http-histories", 30);
    private static final long SEED = Long.getLong("coop.histories.seed", 20261201L) + 500_000;
    private static final int STEPS = 35;

    @Autowired
    private com.github.kagkarlsson.scheduler.Scheduler scheduler;

    /** One history driven over HTTP: its generator, the next step, and the server's ids for the generator's. */
    private final class Driver {
        final Generator generator;
        final Map<String, String> ids = new HashMap<>();
        final List<Step> steps = new ArrayList<>();
        Step next;
        String agreementId;
        int taken;

        Driver(long seed, Instant start) {
            generator = new Generator(seed);
            next = generator.draft(start);
        }

        String id(Object generated) {
            String key = String.valueOf(generated);
            return ids.getOrDefault(key, key);
        }
    }

    private long position;

    @Test
    void everyHistoryTheApiAcceptedReadsWithoutAServerErrorAndRebuildsAsItWasLive() {
        Instant start = TestClock.INSTANCE.instant().plus(Duration.ofMinutes(1));
        Random random = new Random(SEED);
        List<Driver> drivers = new ArrayList<>();
        for (int i = 0; i < HISTORIES; i++) {
            drivers.add(new Driver(SEED + i, start.plus(Duration.ofMinutes(random.nextInt(600)))));
        }
        int accepted = 0;
        while (true) {
            Driver driver = drivers.stream()
                    .filter(d -> d.next != null)
                    .min((a, b) -> a.next.at().compareTo(b.next.at()))
                    .orElse(null);
            if (driver == null) {
                break;
            }
            Step step = driver.next;
            passTimeTo(step.at());
            driver.steps.add(step);
            if (send(driver, step.command())) {
                driver.generator.accepted(step.command());
                accepted++;
            }
            driver.taken++;
            driver.next = driver.taken < STEPS && driver.agreementId != null
                    ? driver.generator.next(TestClock.INSTANCE.instant(), state(driver))
                    : null;
        }
        assertThat(accepted).as("commands accepted").isGreaterThan(HISTORIES * 5);
        long entered = drivers.stream()
                .filter(d -> d.agreementId != null)
                .filter(d -> read("/api/v1/agreements/" + d.agreementId).json().hasNonNull("effectiveFrom"))
                .count();
        assertThat(entered).as("histories that reached entry into force").isGreaterThanOrEqualTo(HISTORIES / 5);

        Map<String, String> live = new LinkedHashMap<>();
        for (Driver driver : drivers) {
            readEverything(driver, live);
        }
        String reviews = "/api/v1/reviews?party=p1&from=2000-01-01&to=2199-12-31";
        String reviewsLive = read(reviews).body();
        for (String readModel : List.of("status", "history", "reviews", "reminders")) {
            rebuild(readModel);
        }
        for (Driver driver : drivers) {
            for (String path : paths(driver)) {
                assertThat(read(path).body())
                        .as(() -> "after rebuilding, " + path + " of the history\n" + steps(driver))
                        .isEqualTo(live.get(path));
            }
        }
        assertThat(read(reviews).body())
                .as("the meetings of p1's agreements after rebuilding")
                .isEqualTo(reviewsLive);
    }

    // ------------------------------------------------------------------ commands as HTTP requests

    /** @return whether the command was accepted; a server error fails the test */
    private boolean send(Driver driver, Object command) {
        Map<String, Object> body =
                Api.JSON.convertValue(command, new TypeReference<LinkedHashMap<String, Object>>() {});
        body.remove("agreementId");
        String agreement = "/api/v1/agreements/" + driver.agreementId;
        String path;
        String created = null;
        if (command instanceof DraftIntent c) {
            path = "/api/v1/agreements";
            created = c.agreementId().toString();
        } else if (command instanceof ReviseDraft) {
            path = agreement + "/revisions";
        } else if (command instanceof SubmitForAdoption) {
            path = agreement + "/submission";
        } else if (command instanceof SignAgreement) {
            path = agreement + "/signatures";
        } else if (command instanceof AdoptByBoard c) {
            path = agreement + "/board-decisions";
            created = c.decisionId().toString();
        } else if (command instanceof RecordAppeal c) {
            path = agreement + "/board-decisions/" + driver.id(c.decisionId()) + "/appeal";
        } else if (command instanceof ScheduleAnnualReview c) {
            path = agreement + "/reviews";
            created = c.reviewId().toString();
        } else if (command instanceof RecordHeldReview c) {
            path = agreement + "/reviews";
            created = c.reviewId().toString();
        } else if (command instanceof RescheduleReview c) {
            path = agreement + "/reviews/" + driver.id(c.reviewId()) + "/reschedule";
        } else if (command instanceof CancelReview c) {
            path = agreement + "/reviews/" + driver.id(c.reviewId()) + "/cancellation";
        } else if (command instanceof RecordReviewOutcome c) {
            path = agreement + "/reviews/" + driver.id(c.reviewId()) + "/outcome";
        } else if (command instanceof ProposeAmendment c) {
            path = agreement + "/amendments";
            created = c.amendmentId().toString();
        } else if (command instanceof AttachDocument) {
            path = agreement + "/documents";
        } else if (command instanceof LinkAgreement) {
            path = agreement + "/links";
        } else if (command instanceof GiveNotice c) {
            path = agreement + "/parties/" + c.partyId() + "/notice";
            body.remove("partyId");
        } else if (command instanceof RemoveParty c) {
            path = agreement + "/parties/" + c.partyId() + "/removal";
            body.remove("partyId");
        } else if (command instanceof TerminateAgreement) {
            path = agreement + "/termination";
        } else if (command instanceof AbandonDraft) {
            path = agreement + "/abandonment";
        } else if (command instanceof ArchiveAgreement) {
            path = agreement + "/archival";
        } else {
            throw new IllegalArgumentException("no request for " + command);
        }
        for (String id : List.of("decisionId", "reviewId", "amendmentId", "documentId")) {
            body.remove(id);
        }
        Api.Answer answer = api.as("secretariat").post(path, body);
        assertThat(answer.status())
                .as(() -> "POST " + path + " → " + answer + "\nin the history\n" + steps(driver))
                .isLessThan(500);
        if (answer.status() >= 300) {
            return false;
        }
        JsonNode response = answer.json();
        position = Math.max(position, response.get("position").asLong());
        if (command instanceof DraftIntent) {
            driver.agreementId = response.get("agreementId").asString();
        } else if (created != null && response.hasNonNull("id")) {
            driver.ids.put(created, response.get("id").asString());
        }
        return true;
    }

    private AgreementState state(Driver driver) {
        Api.Answer status = read("/api/v1/agreements/" + driver.agreementId);
        assertThat(status.status()).as(() -> "status of " + steps(driver)).isEqualTo(200);
        return AgreementState.valueOf(status.json().get("state").asString());
    }

    /** Moves the shared clock and lets db-scheduler run every timer now due. */
    private void passTimeTo(Instant at) {
        TestClock.INSTANCE.advanceTo(at);
        if (dueTimers() > 0) {
            scheduler.triggerCheckForDueExecutions();
            try {
                // asked again while waiting: a recurring timer (the documents' upkeep) that reschedules itself behind
                // the moved clock is due again at once, and is otherwise left to the next poll
                await().pollInterval(Duration.ofMillis(20))
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> {
                            if (dueTimers() == 0) {
                                return true;
                            }
                            scheduler.triggerCheckForDueExecutions();
                            return false;
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(
                        "timers still due at " + at + ": "
                                + jdbc.queryForList(
                                        "SELECT task_name, task_instance, execution_time, consecutive_failures,"
                                                + " last_failure, picked FROM scheduled_tasks WHERE execution_time <= ?",
                                        Timestamp.from(at)),
                        e);
            }
        }
    }

    /**
     * Timers due and not taken by a scheduler. One taken is being run — or was taken by a node an earlier test killed
     * (KillNodeTest), and stays taken until db-scheduler's dead-execution check: not one to wait for.
     */
    private long dueTimers() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE execution_time <= ? AND NOT picked",
                Long.class,
                Timestamp.from(TestClock.INSTANCE.instant()));
    }

    // ------------------------------------------------------------------ reads

    /** Every read of the history answers without a server error; keeps what the read models show live. */
    private void readEverything(Driver driver, Map<String, String> live) {
        if (driver.agreementId == null) {
            return;
        }
        String agreement = "/api/v1/agreements/" + driver.agreementId;
        for (String path : paths(driver)) {
            Api.Answer answer = read(path);
            assertThat(answer.status())
                    .as(() -> path + " → " + answer + "\n" + steps(driver))
                    .isEqualTo(200);
            live.put(path, answer.body());
        }
        Api.Answer now = read(agreement);
        Api.Answer asOfNow =
                read(agreement + "?asOf=" + encode(TestClock.INSTANCE.instant().toString()));
        assertThat(asOfNow.json())
                .as(() -> "asOf now equals the live status\n" + steps(driver))
                .isEqualTo(now.json());

        JsonNode events = read(agreement + "/events").json();
        List<Instant> recorded = new ArrayList<>();
        for (JsonNode event : events.path("events")) {
            recorded.add(Instant.parse(event.get("recordedAt").asString()));
        }
        assertThat(recorded).as(() -> "the events of\n" + steps(driver)).isNotEmpty();
        List<String> reads = new ArrayList<>();
        reads.add(agreement + "/verification");
        reads.add(agreement + "/history?lang=en");
        for (Instant at : recorded) {
            reads.add(agreement + "?asOf=" + encode(at.toString()));
        }
        LocalDate first =
                LocalDate.ofInstant(recorded.get(0), BusinessTime.ZONE).minusDays(60);
        LocalDate last = LocalDate.ofInstant(TestClock.INSTANCE.instant(), BusinessTime.ZONE);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(11)) {
            reads.add(agreement + "?validOn=" + day);
        }
        reads.add(agreement + "?validOn=" + last);
        reads.add("/api/v1/agreements?party=p1&size=100");
        reads.add("/api/v1/agreements?state=IN_FORCE&q=Samverkan&size=5");
        reads.add("/api/v1/reviews?party=p1&from=" + first + "&to=" + last.plusYears(2));
        reads.add("/api/v1/reviews/calendar.ics?party=p2");
        reads.add("/api/v1/reminders?reviewer=p1@example.se");
        for (String path : reads) {
            Api.Answer answer = read(path);
            assertThat(answer.status())
                    .as(() -> path + " → " + answer + "\n" + steps(driver))
                    .isEqualTo(200);
        }
        String beforeItWasDrafted =
                agreement + "?asOf=" + encode(recorded.get(0).minusNanos(1).toString());
        assertThat(read(agreement + "?validOn=" + last.plusDays(1)).status())
                .as("a day to come is not yet known")
                .isEqualTo(400);
        assertThat(read(beforeItWasDrafted).status())
                .as("before it was drafted, the agreement was not there")
                .isEqualTo(404);
        assertThat(read(agreement + "/verification").json().get("intact").asBoolean())
                .as(() -> "the hash chain of\n" + steps(driver))
                .isTrue();
    }

    /** What each read model shows of a history, compared live and after a rebuild. */
    private static List<String> paths(Driver driver) {
        if (driver.agreementId == null) {
            return List.of();
        }
        String agreement = "/api/v1/agreements/" + driver.agreementId;
        return List.of(agreement, agreement + "/history?lang=sv");
    }

    private Api.Answer read(String path) {
        return api.as("auditor")
                .header("Coop-Min-Position", Long.toString(position))
                .get(path);
    }

    private void rebuild(String readModel) {
        Api.Answer started = api.as("operator").post("/api/v1/admin/projections/" + readModel + "/rebuild", "{}");
        assertThat(started.status()).as(started::toString).isLessThan(300);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !jdbc.queryForObject(
                        "SELECT rebuilding FROM projection_state WHERE name = ?", Boolean.class, readModel));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String steps(Driver driver) {
        StringBuilder text = new StringBuilder();
        driver.steps.forEach(step -> text.append("  ").append(step).append('\n'));
        return text.toString();
    }
}
