package se.coop.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.coop.app.support.Bodies.TEXT_V1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.coop.api.BusinessTime;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * HTTP as RFC 9110 has it: If-Match compared strongly and as a list, past states without an ETag, undecodable and
 * rejected addresses answered 400 for everyone, every error a problem with its type, bounded read-your-writes waits.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpSemanticsTest extends IntegrationTest {

    private Api.Answer signLaholm(String id, String ifMatch) {
        return api.as("secretariat")
                .header("If-Match", ifMatch)
                .post("/api/v1/agreements/" + id + "/signatures", Bodies.signature("laholm", TEXT_V1, "2025-06-01"));
    }

    @Test
    void ifMatchComparesStronglyEvaluatesListsAndTakesAnyVersionForAStar() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);
        long before = requestedEvents();

        Api.Answer weak = signLaholm(id, "W/\"2\"");
        assertThat(weak.status()).as(weak.toString()).isEqualTo(412);
        assertThat(weak.json().get("errorCode").asString()).isEqualTo("VERSION_MISMATCH");
        assertThat(signLaholm(id, "\"7\", \"8\"").status()).isEqualTo(412);
        Api.Answer malformed = signLaholm(id, "2");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("violations").get(0).get("field").asString())
                .isEqualTo("If-Match");
        assertThat(requestedEvents()).isEqualTo(before);

        Api.Answer listed = signLaholm(id, "\"1\", W/\"2\", \"2\"");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.header("ETag")).isEqualTo("\"3\"");
        Api.Answer any = api.as("secretariat")
                .header("If-Match", "*")
                .post("/api/v1/agreements/" + id + "/signatures", Bodies.signature("halmstad", TEXT_V1, "2025-06-01"));
        assertThat(any.status()).as(any.toString()).isEqualTo(200);

        Api.Answer draftIfMatch =
                api.as("secretariat").header("If-Match", "\"1\"").post("/api/v1/agreements", Bodies.twoPartyDraft());
        assertThat(draftIfMatch.status())
                .as("the list of agreements has no version: only * can match")
                .isEqualTo(412);
        assertThat(api.as("secretariat")
                        .header("If-Match", "*")
                        .post("/api/v1/agreements", Bodies.twoPartyDraft())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aPastStateCarriesNoETagButSaysWhichMomentItShows() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        Api.Answer now = secretariat.read("auditor", "/api/v1/agreements/" + id);
        assertThat(now.header("ETag")).isEqualTo("\"1\"");
        Api.Answer asOf = api.as("auditor").get("/api/v1/agreements/" + id + "?asOf=2099-01-01T00:00:00Z");
        assertThat(asOf.status()).isEqualTo(200);
        assertThat(asOf.header("ETag")).isNull();
        assertThat(asOf.header("Coop-As-Of")).isEqualTo("2099-01-01T00:00:00Z");
        String today = BusinessTime.today(TestClock.INSTANCE).toString();
        Api.Answer validOn = api.as("auditor").get("/api/v1/agreements/" + id + "?validOn=" + today);
        assertThat(validOn.status()).isEqualTo(200);
        assertThat(validOn.header("ETag")).isNull();
        assertThat(validOn.header("Coop-Valid-On")).isEqualTo(today);
    }

    /** A day to come is not known yet: Coop shows what was decided, not what will be (review of issue 12). */
    @Test
    void validOnADayToComeIs400NamingIt() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        String tomorrow = BusinessTime.today(TestClock.INSTANCE).plusDays(1).toString();
        Api.Answer answer = secretariat.read("auditor", "/api/v1/agreements/" + id + "?validOn=" + tomorrow);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("violations").get(0).get("field").asString())
                .isEqualTo("validOn");
    }

    @Test
    void undecodableParametersAre400ForEveryoneAndLogNoError(CapturedOutput output) {
        List<Api.Raw> answers = List.of(
                api.rawGet("/actuator/health?x=%ff", null),
                api.rawGet("/api/v1/calendar/abc.ics?x=%", null),
                api.rawGet("/api/v1/agreements?q=%C3", "reviewer"),
                api.rawGet("/api/v1/agreements?%ff=1", "reviewer"),
                api.rawGet("/api/v1/agreements?q=%C3", null),
                api.rawGet("/api/v1/agreements?q=%zz", "reviewer"));
        for (Api.Raw answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertProblem(answer.json(), "MALFORMED_REQUEST");
        }
        assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("InvalidParameterException");
    }

    @Test
    void addressesTheFirewallRejectsAre400EvenForASignedInCaller(CapturedOutput output) {
        for (String path :
                List.of("//api/v1/agreements", "/api/v1/agreements/..;/reviews", "/api/v1/%2e%2e/api/v1/agreements")) {
            for (Api.Request caller : List.of(api.as("reviewer"), api.anonymous())) {
                Api.Answer answer = caller.get(path);
                assertThat(answer.status()).as(path + " " + answer).isEqualTo(400);
                assertProblem(answer.json(), "MALFORMED_REQUEST");
            }
        }
        assertThat(output.getAll()).doesNotContain("ERROR");
    }

    @Test
    void repeatedIfMatchLinesAreOneList() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);
        Api.Raw answer = api.raw(
                "POST /api/v1/agreements/" + id + "/signatures HTTP/1.1",
                "secretariat",
                List.of("Content-Type: application/json", "If-Match: \"1\"", "If-Match: \"2\""),
                Api.JSON.writeValueAsString(Bodies.signature("laholm", TEXT_V1, "2025-06-01")));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void queryDatesKeepTheWindowOfBodyDates() {
        String id = new Secretariat(api).draft(Bodies.twoPartyDraft());
        for (String[] read : new String[][] {
            {"/api/v1/reminders?since=-4714-11-24T00:00:00Z", "since"},
            {"/api/v1/reminders?since=%2B999999999-12-31T23:59:59Z", "since"},
            {"/api/v1/agreements/" + id + "?asOf=%2B999999999-12-31T23:59:59Z", "asOf"},
            {"/api/v1/agreements/" + id + "?validOn=9999-12-31", "validOn"},
            {"/api/v1/agreements/" + id + "?validOn=%2B999999999-12-31", "validOn"},
            {"/api/v1/reviews?from=0000-01-01", "from"},
            {"/api/v1/agreements?party=Hal%21mstad", "party"}
        }) {
            Api.Answer answer = api.as("auditor").get(read[0]);
            assertThat(answer.status()).as(read[0] + " → " + answer).isEqualTo(400);
            assertThat(answer.json().get("violations").get(0).get("field").asString())
                    .isEqualTo(read[1]);
        }
        assertThat(api.as("auditor")
                        .get("/api/v1/agreements?party=Region_Skane.1")
                        .status())
                .as("a party id of the form earlier versions stored may still be looked for")
                .isEqualTo(200);
    }

    @Test
    void whatTomcatRefusesIsTheClientsMistakeAndTheErrorPageItselfIsNotFound() {
        Api.Raw version = api.raw("GET /api/v1/agreements HTTP/2.0", null, List.of(), null);
        assertThat(version.status()).isEqualTo(505);
        assertThat(version.json().get("errorCode").asString()).isEqualTo("MALFORMED_REQUEST");
        for (Api.Raw error : List.of(
                api.rawGet("/error", null),
                api.rawGet("/error", "operator"),
                api.raw("POST /error HTTP/1.1", null, List.of(), null))) {
            assertThat(error.status()).as(error.toString()).isEqualTo(404);
            assertProblem(error.json(), "NOT_FOUND");
        }
        for (Api.Raw empty : List.of(
                api.rawGet("/actuator/health/db", null), api.rawGet("/actuator/metrics/no.such.metric", "operator"))) {
            assertThat(empty.status()).as(empty.toString()).isEqualTo(404);
            assertProblem(empty.json(), "NOT_FOUND");
        }
    }

    @Test
    void aPartyNamedInAPathInNoFormAnyVersionStoredIs400() {
        String id = new Secretariat(api).draft(Bodies.twoPartyDraft());
        Api.Answer answer = api.as("secretariat")
                .post("/api/v1/agreements/" + id + "/parties/hal%21mstad/removal", Map.of("reason", "x"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("violations").get(0).get("field").asString())
                .isEqualTo("partyId");
    }

    @Test
    void anAnonymousReaderCannotTakeTheWaitsOfReadYourWrites() {
        Api.Answer feed = api.anonymous()
                .header("Coop-Min-Position", Long.toString(Long.MAX_VALUE / 2))
                .get("/api/v1/calendar/no-such-token.ics");
        assertThat(feed.status()).isEqualTo(404);
        assertThat(feed.header("Coop-Stale"))
                .as("the position was not even looked at")
                .isNull();
    }

    @Test
    void aFeedAskedForWithoutAHostLinksToWhereCoopListens() {
        Api.Raw created = api.raw(
                "POST /api/v1/calendar/feeds HTTP/1.1",
                "reviewer",
                List.of("Host:", "Content-Type: application/json"),
                "{\"party\": \"halmstad\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("url").asString()).startsWith("http://127.0.0.1:" + port + "/");
    }

    @Test
    void everyErrorOfSpringItselfIsAProblemWithItsType() {
        String id = new Secretariat(api).draft(Bodies.twoPartyDraft());
        assertProblem(api.as("secretariat").delete("/api/v1/agreements/" + id).json(), "METHOD_NOT_ALLOWED");
        assertProblem(
                api.as("reviewer")
                        .header("Accept", "application/xml")
                        .get("/api/v1/agreements/" + id)
                        .json(),
                "NOT_ACCEPTABLE");
        assertProblem(
                api.as("secretariat")
                        .post("/api/v1/agreements/" + id + "/signatures", "x", "text/plain")
                        .json(),
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(api.as("reviewer").get("/api/v1/no-such-thing").json(), "NOT_FOUND");
    }

    private static void assertProblem(JsonNode problem, String errorCode) {
        assertThat(problem.get("errorCode").asString()).as(problem.toString()).isEqualTo(errorCode);
        assertThat(problem.get("type").asString())
                .isEqualTo("urn:coop:problem:"
                        + errorCode.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isBetween(400, 499);
    }

    /**
     * More readers than may wait at once ask for a position no read model will reach: those beyond the bound are
     * answered at once, stale, while the others still wait out their patience.
     */
    @Test
    void onlyABoundedNumberOfReadsWaitForAPosition() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        // the draft is in the read models first: a stale answer then shows it (200), not a 404 of a slow projection
        secretariat.read("reviewer", "/api/v1/agreements/" + id);
        int waiting = 4;
        int readers = waiting + 3;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        try {
            List<Api.Answer> answered = new CopyOnWriteArrayList<>();
            for (int i = 0; i < readers; i++) {
                reads.add(CompletableFuture.supplyAsync(
                                () -> api.as("reviewer")
                                        .header("Coop-Min-Position", Long.toString(Long.MAX_VALUE / 2))
                                        .get("/api/v1/agreements/" + id),
                                pool)
                        .thenAccept(answered::add));
            }
            await().until(() -> answered.size() >= readers - waiting);
            assertThat(answered)
                    .as("answered while %d readers still wait", waiting)
                    .hasSize(readers - waiting)
                    .allSatisfy(answer -> {
                        assertThat(answer.status()).isEqualTo(200);
                        assertThat(answer.header("Coop-Stale")).isEqualTo("true");
                    });
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get();
            assertThat(answered).hasSize(readers).allMatch(answer -> "true".equals(answer.header("Coop-Stale")));
        } finally {
            // the waiting readers are let go before the next test reads: they would hold every wait of the node
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .exceptionally(failure -> null)
                    .get(1, TimeUnit.MINUTES);
            pool.shutdownNow();
        }
    }
}
