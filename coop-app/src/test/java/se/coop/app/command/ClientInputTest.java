package se.coop.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static se.coop.app.support.Bodies.TEXT_V1;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import tools.jackson.databind.JsonNode;

/**
 * Coop's input rules, over HTTP: a value no field may hold is refused with 400 naming the field, and nothing is
 * written — poison characters, invisible text, loose dates, duplicate keys and list members, unsafe addresses, numbers
 * out of range, party ids in another form.
 */
class ClientInputTest extends IntegrationTest {

    private long before;
    private String watched;
    private Secretariat secretariat;

    @BeforeEach
    void count() {
        secretariat = new Secretariat(api);
        before = requestedEvents();
    }

    private JsonNode refused(Api.Answer answer, String field, String reason) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("errorCode").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("type").asString()).isEqualTo("urn:coop:problem:validation-failed");
        JsonNode violation = problem.get("violations").get(0);
        assertThat(violation.get("field").asString()).as(answer.toString()).isEqualTo(field);
        assertThat(violation.get("message").asString()).as(answer.toString()).contains(reason);
        assertThat(watched == null ? requestedEvents() : eventsOf(watched))
                .as("events written")
                .isEqualTo(before);
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> draftWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.halmstadDraft());
        List<Map<String, Object>> parties = new ArrayList<>();
        for (Object party : (List<?>) draft.get("parties")) {
            parties.add(new LinkedHashMap<>((Map<String, Object>) party));
        }
        draft.put("parties", parties);
        draft.put("term", new LinkedHashMap<>((Map<String, Object>) draft.get("term")));
        draft.put("text", new LinkedHashMap<>((Map<String, Object>) draft.get("text")));
        change.accept(draft);
        return draft;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> party(Map<String, Object> draft, int index) {
        return ((List<Map<String, Object>>) draft.get("parties")).get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inner(Map<String, Object> draft, String key) {
        return (Map<String, Object>) draft.get(key);
    }

    private Api.Answer draft(Map<String, Object> body) {
        return api.as("secretariat").post("/api/v1/agreements", body);
    }

    @Test
    void aNulCharacterIsRefusedWhereverItIsAndNeverReachesTheReadModels() {
        refused(
                draft(draftWith(d -> d.put("title", Map.of("sv", "a\u0000b")))),
                "title.sv",
                "must not hold control characters (U+0000");
        refused(
                draft(draftWith(d -> party(d, 1).put("adoptingBody", "Kommun\u0000styrelsen"))),
                "parties[1].adoptingBody",
                "U+0000");
        refused(draft(draftWith(d -> inner(d, "text").put("title", "Avsikt\u0000"))), "text.title", "U+0000");
    }

    @Test
    void controlCharactersAreRefusedInNamesAndLineBreaksAllowedOnlyWhereTextSpansLines() {
        refused(draft(draftWith(d -> party(d, 0).put("name", "Halm\u001b[31mstad"))), "parties[0].name", "U+001B");
        refused(draft(draftWith(d -> party(d, 0).put("name", "Halmstad\u0007"))), "parties[0].name", "U+0007");
        refused(draft(draftWith(d -> party(d, 0).put("name", "Halmstads\r\nkommun"))), "parties[0].name", "one line");
        refused(draft(draftWith(d -> party(d, 0).put("name", "Halmstad\u0085"))), "parties[0].name", "U+0085");

        String id = secretariat.draft(Bodies.twoPartyDraft());
        before = requestedEvents();
        Api.Answer abandoned = api.as("secretariat")
                .post("/api/v1/agreements/" + id + "/abandonment", Map.of("reason", "Första stycket.\n\n\tAndra."));
        assertThat(abandoned.status()).as(abandoned.toString()).isEqualTo(200);
    }

    /** JSON's own escapes can spell what UTF-8 cannot: a lone surrogate, a noncharacter. */
    @Test
    void brokenUnicodeAndNoncharactersAreRefused() {
        String draft = Api.JSON.writeValueAsString(draftWith(d -> d.put("title", Map.of("sv", "TITLE"))));
        refused(withTitle(draft, "a\\ud800b"), "title.sv", "unpaired surrogate");
        refused(withTitle(draft, "\\udfff"), "title.sv", "unpaired surrogate");
        refused(withTitle(draft, "a\\uffffb"), "title.sv", "noncharacter U+FFFF");
        refused(withTitle(draft, "a\\u0000b"), "title.sv", "U+0000");
    }

    private Api.Answer withTitle(String draft, String escaped) {
        return api.as("secretariat").post("/api/v1/agreements", draft.replace("TITLE", escaped), "application/json");
    }

    @Test
    void textMadeOfInvisibleCharactersIsBlankLikeTextOfSpaces() {
        refused(draft(draftWith(d -> d.put("title", Map.of("sv", "\u200b\u200b")))), "title", "at least one");
        refused(draft(draftWith(d -> d.put("title", Map.of("sv", "   ")))), "title", "at least one");
        refused(draft(draftWith(d -> party(d, 2).put("name", "\ufeff\u2060"))), "parties[2].name", "blank");
        refused(draft(draftWith(d -> party(d, 2).put("name", "\u034f"))), "parties[2].name", "blank");
        refused(
                draft(draftWith(d -> party(d, 2).put("adoptingBody", "\ufe0f\u180b"))),
                "parties[2].adoptingBody",
                "blank");
    }

    @Test
    void aDocumentLivesAtAWebAddressNeverAtAScript() {
        refused(
                draft(draftWith(d -> inner(d, "text").put("uri", "javascript:alert(1)"))),
                "text.uri",
                "https: or http:");
        refused(
                draft(draftWith(d -> inner(d, "text").put("uri", "file:///etc/passwd"))),
                "text.uri",
                "https: or http:");
        refused(
                draft(draftWith(d -> inner(d, "text").put("uri", "https://e.org/a\u202eb"))),
                "text.uri",
                "https: or http:");
        assertThat(draft(draftWith(d -> inner(d, "text").put("uri", "https://www.halmstad.se/avsikt.pdf")))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anAmountIsAFiniteDecimalInRangeKeptExactlyAsGiven() {
        for (String amount : List.of("12345678901234567890.123456789", "1e400", "0.001", "-5")) {
            Api.Answer answer = api.as("secretariat")
                    .post("/api/v1/agreements", withFunding(amount).replace("\"AMOUNT\"", amount), "application/json");
            refused(answer, "funding.amount", amount.startsWith("-") ? "greater than or equal to 0" : "digits");
        }
        Api.Answer created =
                api.as("secretariat").post("/api/v1/agreements", withFunding("100.50"), "application/json");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("agreementId").asString();
        JsonNode event = api.as("auditor")
                .get("/api/v1/agreements/" + id + "/events")
                .json()
                .get("events")
                .get(0);
        String stored =
                new String(Base64.getDecoder().decode(event.get("payloadBytes").asString()));
        assertThat(stored).contains("\"amount\":100.50");
        assertThat(api.as("auditor").get("/api/v1/agreements/" + id + "/events").body())
                .as("the parsed view shows the amount as written too")
                .contains("\"amount\":100.50");
    }

    private static String withFunding(String amount) {
        String draft = Api.JSON.writeValueAsString(Bodies.halmstadDraft());
        return draft.substring(0, draft.length() - 1) + ",\"funding\":{\"source\":\"Tillväxtverket\",\"amount\":"
                + amount + ",\"currency\":\"SEK\"}}";
    }

    @Test
    void aDateIsExactlyYearMonthDayAndPlausible() {
        for (String loose : List.of("2025-02-01T00:00:00Z", "2025-02-01 ", "2025-2-1")) {
            refused(
                    draft(draftWith(d -> inner(d, "term").put("startsOn", loose))),
                    "term.startsOn",
                    "expected a date as YYYY-MM-DD");
        }
        refused(draft(draftWith(d -> inner(d, "term").put("startsOn", "+10000-01-01"))), "term.startsOn", "YYYY-MM-DD");
        for (String far : List.of("0001-01-01", "9999-12-31")) {
            refused(
                    draft(draftWith(d -> inner(d, "term").put("startsOn", far))),
                    "term.startsOn",
                    "between 1900-01-01 and 2199-12-31");
        }
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);
        before = requestedEvents();
        refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements/" + id + "/signatures",
                                Bodies.signature("laholm", TEXT_V1, "2025-01-10T23:00:00Z")),
                "signedOn",
                "YYYY-MM-DD");
        refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements/" + id + "/signatures",
                                Bodies.signature("laholm", TEXT_V1, "0001-01-01")),
                "signedOn",
                "between 1900-01-01");
        refused(
                api.as("secretariat")
                        .post("/api/v1/agreements/" + id + "/parties/laholm/notice", Map.of("givenOn", "9999-01-01")),
                "givenOn",
                "between 1900-01-01");
        refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements/" + id + "/reviews",
                                Map.of(
                                        "kind", "MEETING",
                                        "startsAt", "9999-01-01T10:00:00+01:00",
                                        "location", "Rådhuset",
                                        "reviewers", List.of())),
                "startsAt",
                "between 1900-01-01");
        refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements/" + id + "/reviews",
                                Map.of(
                                        "kind", "MEETING",
                                        "startsAt", "2030-01-01T10:00:00",
                                        "location", "Rådhuset",
                                        "reviewers", List.of())),
                "startsAt",
                "with its offset");
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotTheLastOneWinning() {
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);
        before = requestedEvents();
        String json = Api.JSON.writeValueAsString(Bodies.adoption("laholm", TEXT_V1, "2020-01-28"));
        Api.Answer answer = api.as("secretariat")
                .post(
                        "/api/v1/agreements/" + id + "/board-decisions",
                        "{\"partyId\":\"halmstad\"," + json.substring(1),
                        "application/json");
        refused(answer, "partyId", "more than once");
    }

    @Test
    void aPartyIdHasOneFormAndAListNamesNoMemberTwice() {
        refused(
                draft(draftWith(d -> party(d, 2).put("partyId", "Hylte"))),
                "parties[2].partyId",
                "lower-case letters a-z");
        refused(
                draft(draftWith(d -> party(d, 1).put("requires", List.of("SIGNATURE", "SIGNATURE")))),
                "parties[1].requires",
                "names SIGNATURE twice");
        refused(
                draft(draftWith(d -> d.put("reminderOffsetsDays", List.of(30, 7, 30)))),
                "reminderOffsetsDays",
                "twice");
        refused(
                draft(draftWith(d -> d.put(
                        "focusAreas",
                        List.of(
                                Map.of("code", "bo", "title", Map.of("sv", "Bo")),
                                Map.of("code", "BO", "title", Map.of("sv", "Boende")))))),
                "focusAreas",
                "twice");
        String id = secretariat.inForce(Bodies.twoPartyDraft(), java.time.LocalDate.of(2020, 1, 28));
        // its reminder plans are being made meanwhile, in streams of their own
        watched = id;
        before = eventsOf(id);
        refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements/" + id + "/reviews",
                                Map.of(
                                        "kind",
                                        "ANNUAL_REVIEW",
                                        "startsAt",
                                        se.coop.app.support.TestClock.afternoonIn(40)
                                                .toString(),
                                        "location",
                                        "Rådhuset",
                                        "reviewers",
                                        List.of(Map.of(
                                                "name",
                                                "Anna",
                                                "email",
                                                "an\u200bna@example.org",
                                                "partyId",
                                                "halmstad")))),
                "reviewers[0].email",
                "invisible");
        List<Map<String, String>> reviewers = List.of(
                Map.of("name", "Anna", "email", "anna@example.org", "partyId", "halmstad"),
                Map.of("name", "Anna G", "email", "ANNA@example.org", "partyId", "laholm"));
        refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements/" + id + "/reviews",
                                Map.of(
                                        "kind",
                                        "ANNUAL_REVIEW",
                                        "startsAt",
                                        se.coop.app.support.TestClock.afternoonIn(40)
                                                .toString(),
                                        "location",
                                        "Rådhuset",
                                        "reviewers",
                                        reviewers)),
                "reviewers",
                "twice");
    }

    @Test
    void aNumberOutOfRangeIsRefusedNamingTheFieldAndItsRange() {
        refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements",
                                Api.JSON
                                        .writeValueAsString(Bodies.halmstadDraft())
                                        .replace("\"noticePeriodMonths\":6", "\"noticePeriodMonths\":99999999999"),
                                "application/json"),
                "term.noticePeriodMonths",
                "from 0 to 120");
        refused(
                draft(draftWith(d -> inner(d, "term").put("noticePeriodMonths", 121))),
                "term.noticePeriodMonths",
                "less than or equal to 120");
        String draft = Api.JSON.writeValueAsString(Bodies.halmstadDraft());
        String withOffsets = draft.substring(0, draft.length() - 1) + ",\"reminderOffsetsDays\":[30,OFFSET]}";
        refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements",
                                withOffsets.replace("OFFSET", "99999999999999999999999"),
                                "application/json"),
                "reminderOffsetsDays[1]",
                "from 0 to 365");
        refused(
                api.as("secretariat")
                        .post("/api/v1/agreements", withOffsets.replace("OFFSET", "1e400"), "application/json"),
                "reminderOffsetsDays[1]",
                "from 0 to 365");
        refused(
                api.as("secretariat")
                        .post(
                                "/api/v1/agreements",
                                withOffsets.replace("OFFSET", "9".repeat(2000)),
                                "application/json"),
                "reminderOffsetsDays",
                "too long");
    }

    @Test
    void aValueOfTheWrongShapeSaysWhichShapeBelongsThere() {
        refused(draft(draftWith(d -> party(d, 0).put("partyId", 5))), "parties[0].partyId", "expected a party id");
        refused(draft(draftWith(d -> d.put("reminderOffsetsDays", 5))), "reminderOffsetsDays", "expected an array");
        refused(draft(draftWith(d -> d.put("title", 5))), "title", "expected an object");
        refused(draft(draftWith(d -> party(d, 0).put("name", 5))), "parties[0].name", "expected text");
    }

    /** Rule 15: the same file under another description corrects the description; it is never silently dropped. */
    @Test
    void theSameFileAttachedAgainWithAnotherDescriptionCorrectsItNeverDropsIt() {
        String id = secretariat.draft(Bodies.twoPartyDraft());
        Map<String, Object> report = new LinkedHashMap<>(Map.of(
                "title", "Slutrapport", "sha256", "ab".repeat(32), "mediaType", "application/pdf", "size", 1000));
        Api.Answer first = secretariat.command("/api/v1/agreements/" + id + "/documents", report);
        before = eventsOf(id);
        watched = id;
        Api.Answer again = secretariat.command("/api/v1/agreements/" + id + "/documents", report);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        report.put("mediaType", "Application/PDF");
        assertThat(secretariat
                        .command("/api/v1/agreements/" + id + "/documents", report)
                        .json()
                        .get("version"))
                .as("media types compare without regard to case: nothing to correct")
                .isEqualTo(again.json().get("version"));
        assertThat(eventsOf(id)).isEqualTo(before);
        report.put("title", "Slutrapport, reviderad");
        report.put("uri", "https://example.org/slutrapport.pdf");
        Api.Answer corrected = secretariat.command("/api/v1/agreements/" + id + "/documents", report);
        assertThat(corrected.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(corrected.status())
                .as("a correction creates nothing: 200, not 201")
                .isEqualTo(200);
        assertThat(corrected.header("Location")).isNull();
        JsonNode document = secretariat
                .read("reviewer", "/api/v1/agreements/" + id)
                .json()
                .get("documents")
                .get(0);
        assertThat(document.get("title").asString()).isEqualTo("Slutrapport, reviderad");
        assertThat(document.get("uri").asString()).isEqualTo("https://example.org/slutrapport.pdf");
        report.put("size", 1001);
        refusedWithCode(
                api.as("secretariat").post("/api/v1/agreements/" + id + "/documents", report),
                409,
                "DOCUMENT_ALREADY_ATTACHED");
    }

    private void refusedWithCode(Api.Answer answer, int status, String errorCode) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.json().get("errorCode").asString()).isEqualTo(errorCode);
        assertThat(eventsOf(watched)).isEqualTo(before + 1);
    }
}
