package se.coop.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static se.coop.app.support.Bodies.TEXT_V1;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.coop.api.BusinessTime;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.TestClock;
import tools.jackson.databind.JsonNode;

/** Every kind of bad input is refused with its status and a problem+json that names the field, and writes nothing. */
class BadInputTest extends IntegrationTest {

    private String id;
    private long before;

    @BeforeEach
    void submittedAgreement() {
        id = api.as("secretariat")
                .post("/api/v1/agreements", Bodies.halmstadDraft())
                .json()
                .get("agreementId")
                .asString();
        api.as("secretariat").post("/api/v1/agreements/" + id + "/submission", "{}");
        before = requestedEvents();
    }

    private JsonNode refused(Api.Answer answer, int status, String errorCode) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("errorCode").asString()).isEqualTo(errorCode);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(requestedEvents()).as("events written").isEqualTo(before);
        return problem;
    }

    private static String tomorrow() {
        return BusinessTime.today(TestClock.INSTANCE).plusDays(1).toString();
    }

    private static String field(JsonNode problem) {
        return problem.get("violations").get(0).get("field").asString();
    }

    private Api.Answer sign(String json) {
        return api.as("secretariat").post("/api/v1/agreements/" + id + "/signatures", json);
    }

    @Test
    void malformedJsonIs400() {
        JsonNode problem = refused(sign("{\"partyId\": \"laholm\", "), 400, "MALFORMED_REQUEST");
        assertThat(problem.get("detail").asString()).contains("not valid JSON");
    }

    @Test
    void anUnknownFieldIs400AndNamesTheField() {
        Map<String, Object> body = new LinkedHashMap<>(Bodies.signature("laholm", TEXT_V1, "2020-01-20"));
        body.put("witness", "someone");
        JsonNode problem = refused(
                api.as("secretariat").post("/api/v1/agreements/" + id + "/signatures", body), 400, "VALIDATION_FAILED");
        assertThat(field(problem)).isEqualTo("witness");
        assertThat(problem.get("violations").get(0).get("message").asString()).contains("unknown field");
    }

    @Test
    void anUnknownEnumValueIs400AndListsTheValidOnes() {
        Map<String, Object> body = new LinkedHashMap<>(Bodies.adoption("laholm", TEXT_V1, "2020-01-29"));
        body.put("outcome", "APPROVED");
        JsonNode problem = refused(
                api.as("secretariat").post("/api/v1/agreements/" + id + "/board-decisions", body),
                400,
                "VALIDATION_FAILED");
        assertThat(field(problem)).isEqualTo("outcome");
        assertThat(problem.get("violations").get(0).get("message").asString())
                .contains("ADOPTED, REJECTED, REFERRED_BACK, TABLED");
    }

    @Test
    void aBadDateIs400() {
        JsonNode problem = refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements/" + id + "/signatures",
                                Bodies.signature("laholm", TEXT_V1, "2020-13-45")),
                400,
                "VALIDATION_FAILED");
        assertThat(field(problem)).isEqualTo("signedOn");
        assertThat(problem.get("violations").get(0).get("message").asString()).contains("YYYY-MM-DD");
    }

    @Test
    void aMissingRequiredFieldIs400() {
        JsonNode problem = refused(
                sign("{\"partyId\":\"laholm\",\"textSha256\":\"" + TEXT_V1 + "\",\"signedOn\":\"2020-01-20\"}"),
                400,
                "VALIDATION_FAILED");
        assertThat(field(problem)).isEqualTo("signatory");
    }

    @Test
    void textWhereANumberBelongsIs400() {
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.halmstadDraft());
        draft.put("reviewCadenceMonths", "twelve");
        JsonNode problem = refused(api.as("secretariat").post("/api/v1/agreements", draft), 400, "VALIDATION_FAILED");
        assertThat(field(problem)).isEqualTo("reviewCadenceMonths");
    }

    @Test
    void anInvalidCountryIs400AndNamesThePartyConcerned() {
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.halmstadDraft());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parties = (List<Map<String, Object>>) draft.get("parties");
        Map<String, Object> second = new LinkedHashMap<>(parties.get(1));
        second.put("country", "XX");
        draft.put("parties", List.of(parties.get(0), second));
        JsonNode problem = refused(api.as("secretariat").post("/api/v1/agreements", draft), 400, "VALIDATION_FAILED");
        assertThat(field(problem)).isEqualTo("parties[1]");
        assertThat(problem.get("violations").get(0).get("message").asString()).contains("ISO 3166");
    }

    @Test
    void aSignatureNamingNoVersionOfTheTextIs409() {
        JsonNode problem = refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements/" + id + "/signatures",
                                Bodies.signature("laholm", "c".repeat(64), "2020-01-20")),
                409,
                "WRONG_TEXT_VERSION");
        assertThat(problem.get("detail").asString()).contains("version 1").contains("awaits approval");
        assertThat(field(problem)).isEqualTo("textSha256");
    }

    @Test
    void aPartyNotInTheAgreementIs409() {
        JsonNode problem = refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements/" + id + "/signatures",
                                Bodies.signature("kristianstad", TEXT_V1, "2020-01-20")),
                409,
                "PARTY_NOT_IN_AGREEMENT");
        assertThat(problem.get("detail").asString())
                .contains("'kristianstad' is not a party")
                .contains("halmstad");
    }

    @Test
    void aStaleIfMatchIs412() {
        JsonNode problem = refused(
                api.as("secretariat")
                        .header("If-Match", "\"1\"")
                        .post(
                                "/api/v1/agreements/" + id + "/signatures",
                                Bodies.signature("laholm", TEXT_V1, "2020-01-20")),
                412,
                "VERSION_MISMATCH");
        assertThat(problem.get("detail").asString()).contains("version 2");
    }

    @Test
    void aMatchingIfMatchIsAccepted() {
        Api.Answer signed = api.as("secretariat")
                .header("If-Match", "\"2\"")
                .post("/api/v1/agreements/" + id + "/signatures", Bodies.signature("laholm", TEXT_V1, "2020-01-20"));
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void aBodyOver256KiBIs413() {
        Map<String, Object> body = new LinkedHashMap<>(Bodies.signature("laholm", TEXT_V1, "2020-01-20"));
        body.put("place", "x".repeat(300 * 1024));
        refused(api.as("secretariat").post("/api/v1/agreements/" + id + "/signatures", body), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyIs422() {
        Api.Answer first = api.as("secretariat")
                .header("Idempotency-Key", "key-" + id)
                .post("/api/v1/agreements/" + id + "/signatures", Bodies.signature("laholm", TEXT_V1, "2020-01-20"));
        assertThat(first.status()).isEqualTo(200);
        before = requestedEvents();
        refused(
                api.as("secretariat")
                        .header("Idempotency-Key", "key-" + id)
                        .post(
                                "/api/v1/agreements/" + id + "/signatures",
                                Bodies.signature("hylte", TEXT_V1, "2020-01-20")),
                422,
                "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aDecisionDatedTomorrowIsRefusedByRuleFive() {
        JsonNode problem = refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements/" + id + "/board-decisions",
                                Bodies.adoption("laholm", TEXT_V1, tomorrow())),
                409,
                "DATE_IN_FUTURE");
        assertThat(field(problem)).isEqualTo("decidedOn");
    }

    @Test
    void anUnknownAgreementIs404AndSoIsAnIdThatIsNoId() {
        refused(
                api.as("secretariat").post("/api/v1/agreements/00000000-0000-4000-8000-000000000000/submission", "{}"),
                404,
                "AGREEMENT_NOT_FOUND");
        refused(
                api.as("secretariat").post("/api/v1/agreements/not-an-id/submission", "{}"),
                404,
                "AGREEMENT_NOT_FOUND");
    }

    @Test
    void anUnknownMeetingIs404() {
        refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements/" + id
                                        + "/reviews/00000000-0000-4000-8000-000000000000/cancellation",
                                Map.of("reason", "x")),
                404,
                "REVIEW_NOT_FOUND");
    }

    @Test
    void theWrongContentTypeIs415() {
        refused(
                api.as("secretariat").post("/api/v1/agreements/" + id + "/signatures", "partyId=laholm", "text/plain"),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aBadIdempotencyKeyOrIfMatchIs400() {
        JsonNode problem = refused(
                api.as("secretariat")
                        .header("If-Match", "version two")
                        .post(
                                "/api/v1/agreements/" + id + "/signatures",
                                Bodies.signature("laholm", TEXT_V1, "2020-01-20")),
                400,
                "VALIDATION_FAILED");
        assertThat(field(problem)).isEqualTo("If-Match");
        problem = refused(
                api.as("secretariat")
                        .header("Idempotency-Key", "k".repeat(201))
                        .post(
                                "/api/v1/agreements/" + id + "/signatures",
                                Bodies.signature("laholm", TEXT_V1, "2020-01-20")),
                400,
                "VALIDATION_FAILED");
        assertThat(field(problem)).isEqualTo("Idempotency-Key");
    }

    @Test
    void deeplyNestedJsonIs400() {
        refused(sign("[".repeat(5000) + "]".repeat(5000)), 400, "MALFORMED_REQUEST");
        JsonNode problem =
                refused(sign("{\"place\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), 400, "VALIDATION_FAILED");
        assertThat(field(problem)).isEqualTo("place");
    }
}
