package se.coop.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.DatabaseDump;
import se.coop.app.support.Nodes;
import se.coop.app.support.Secretariat;
import se.coop.app.support.StoredText;
import se.coop.app.support.TestClock;
import se.coop.app.support.TestDatabase;
import se.coop.query.audit.ChainVerifier;
import tools.jackson.databind.JsonNode;

/**
 * Stored data outlives the code: a database written by Coop before the rules moved into coop-rules and the aggregate
 * into parts (compat/README.md) starts today's Coop — its migrations unchanged — and every stream still verifies,
 * every agreement reads, its pending timers fire with their stored payloads, and its sagas go on.
 */
class StoredDataTest {

    private static final String DUMP = "/compat/coop-before-issue-12.sql.gz";
    private static final String WAITS_FOR_LEGAL_FORCE = "e5ae2bad-cc1f-4c2b-9d64-26ce1dea7e90";
    private static final String FIXED_TERM = "bbf71450-6f14-4ed0-ba72-6b2978a36b65";
    private static final String NOTICE_GIVEN = "ef044588-5821-43dc-8e3b-58be3851b1d5";

    private static ConfigurableApplicationContext coop;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void restoreAndStart() {
        String url = TestDatabase.url("before_issue_12");
        DatabaseDump.restore(DUMP, url, "postgres");
        coop = Nodes.start("before_issue_12");
        api = Nodes.api(coop);
        jdbc = coop.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        coop.close();
    }

    /** Moves the shared clock (forward only) and lets this node's scheduler run every timer then due. */
    private static void passTime(Instant to) {
        TestClock.INSTANCE.advanceTo(to);
        coop.getBean(Scheduler.class).triggerCheckForDueExecutions();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM scheduled_tasks WHERE execution_time <= ?",
                                Long.class,
                                java.sql.Timestamp.from(TestClock.INSTANCE.instant())))
                        .isZero());
    }

    @Test
    void everyStreamStillVerifiesAndEveryAgreementReads() {
        ChainVerifier verifier = coop.getBean(ChainVerifier.class);
        List<String> streams =
                jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry", String.class);
        assertThat(streams).hasSizeGreaterThan(20);
        for (String stream : streams) {
            assertThat(verifier.verify(stream).intact()).as(stream).isTrue();
        }
        List<String> agreements = jdbc.queryForList(
                "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE type = 'Agreement'", String.class);
        assertThat(agreements).hasSizeGreaterThanOrEqualTo(12);
        for (String id : agreements) {
            for (String read : List.of(
                    "",
                    "/history?lang=sv",
                    "/history?lang=en",
                    // written before Danish wording (V116): read in Swedish until the history is rebuilt
                    "/history?lang=da",
                    "/events",
                    "/verification",
                    "/dossier?format=json",
                    "/dossier?format=pdf")) {
                Api.Answer answer = api.as("auditor").get("/api/v1/agreements/" + id + read);
                assertThat(answer.status()).as(id + read + " → " + answer).isEqualTo(200);
            }
            // rows of the earlier version did not keep the latest decision: the decisions that count stand in
            var status = api.as("auditor").get("/api/v1/agreements/" + id).json();
            boolean decided = false;
            for (var party : status.get("parties")) {
                decided |= !party.get("latestDecision").isNull();
            }
            assertThat(status.get("latestDecisionOn").isNull()).as(id).isEqualTo(!decided);
            assertThat(api.as("auditor")
                            .get("/api/v1/agreements/" + id + "?validOn=2026-01-01")
                            .status())
                    .isEqualTo(200);
        }
        Api.Answer register = api.as("auditor").get("/api/v1/agreements/export?format=csv");
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.body().split("\r\n")).hasSize(agreements.size() + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Long.class))
                .isZero();
    }

    @Test
    void itsTimersFireWithTheirStoredPayloads() {
        passTime(Instant.parse("2026-08-21T00:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode waiting = status(WAITS_FOR_LEGAL_FORCE);
            assertThat(waiting.get("state").asString()).isEqualTo("IN_FORCE");
            assertThat(waiting.get("effectiveFrom").asString())
                    .as("the day after the last day to appeal minutes posted 2026-02-10")
                    .isEqualTo("2026-03-04");
            JsonNode fixed = status(FIXED_TERM);
            assertThat(fixed.get("state").asString()).isEqualTo("EXPIRED");
            assertThat(fixed.get("endedOn").asString()).isEqualTo("2026-06-30");
            JsonNode notice = status(NOTICE_GIVEN);
            JsonNode hylte = notice.get("parties").get(2);
            assertThat(hylte.get("partyId").asString()).isEqualTo("hylte");
            assertThat(hylte.get("participation").asString()).isEqualTo("LEFT");
        });
    }

    @Test
    void itsSagasGoOn() {
        String halmstad = api.as("reviewer")
                .get("/api/v1/agreements?q=halmstad&state=IN_FORCE")
                .json()
                .get("content")
                .get(0)
                .get("agreementId")
                .asString();
        Secretariat secretariat = new Secretariat(api);
        String reviewer = "compat-" + System.nanoTime() + "@example.org";
        secretariat.command(
                "/api/v1/agreements/" + halmstad + "/reviews",
                Bodies.review(TestClock.afternoonIn(5).toString(), "Rådhuset, Halmstad", "Anna", reviewer, "halmstad"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.as("reviewer")
                                .get("/api/v1/reminders?reviewer=" + reviewer)
                                .json()
                                .get("reminders"))
                        .as("its saga, restored, planned the meeting's reminders: the 7-day one at once")
                        .hasSize(1));
    }

    @Test
    void anAddressOldEventsHoldIsErasedFromWhatCoopDerivedAndTheOldEventsAreCounted() {
        String address = jdbc.queryForObject(
                "SELECT min(e) FROM review_meeting, unnest(reviewer_emails) AS e WHERE strpos(e, '@') > 0",
                String.class);
        assertThat(address).as("the old version kept reviewers by address").isNotNull();
        long carrying = jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE strpos(lower(convert_from(payload, 'UTF8')), ?) > 0",
                Long.class,
                "\"" + address + "\"");
        assertThat(carrying).isPositive();
        Api.Answer feed = api.as("reviewer").post("/api/v1/calendar/feeds", Map.of("reviewer", address));
        assertThat(feed.status())
                .as("a reviewer of old meetings gets a feed: " + feed)
                .isEqualTo(201);
        String feedPath =
                feed.header("Location").substring(feed.header("Location").indexOf("/api/"));
        assertThat(api.anonymous().get(feedPath).status()).isEqualTo(200);
        JsonNode contact = api.as("secretariat")
                .get("/api/v1/contacts?email=" + address)
                .json()
                .get(0);

        Api.Answer erased = api.as("secretariat")
                .delete("/api/v1/contacts/" + contact.get("contactId").asString());
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("oldEventsWithAddress").asLong()).isEqualTo(carrying);
        assertThat(api.as("reviewer")
                        .get("/api/v1/reviews?from=2000-01-01&to=2100-01-01&reviewer=" + address)
                        .json()
                        .get("content"))
                .isEmpty();
        assertThat(api.anonymous().get(feedPath).status()).isEqualTo(404);
        assertThat(StoredText.holding(jdbc, address))
                .as("only the old events hold the address: every row, saga and plan derived from them refers to the"
                        + " contact")
                .hasSize(1)
                .allMatch(column -> column.startsWith("domain_event_entry.payload "));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%RecipientsReferred'",
                        Long.class))
                .as("the plans that reminded the address now remind the contact")
                .isPositive();
        ChainVerifier verifier = coop.getBean(ChainVerifier.class);
        for (String stream :
                jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry", String.class)) {
            assertThat(verifier.verify(stream).intact()).as(stream).isTrue();
        }
    }

    private static JsonNode status(String id) {
        return api.as("auditor").get("/api/v1/agreements/" + id).json();
    }
}
