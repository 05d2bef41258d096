package se.coop.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import tools.jackson.databind.JsonNode;

/** The reviews read model: meetings in a window, per party or reviewer, with their status and revision. */
class ReviewsTest extends IntegrationTest {

    private Secretariat secretariat;
    private String id;
    private String reviewer;
    private LocalDate today;

    @BeforeEach
    void anAgreementInForce() {
        secretariat = new Secretariat(api);
        today = BusinessTime.today(TestClock.INSTANCE);
        reviewer = "granskare-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.twoPartyDraft());
        draft.put("title", Map.of("sv", "Avsiktsförklaring Laholm–Halmstad", "en", "Letter of intent Laholm–Halmstad"));
        id = secretariat.draft(draft);
        secretariat.submit(id);
        for (String party : List.of("halmstad", "laholm")) {
            secretariat.sign(id, party, Bodies.TEXT_V1, "2025-03-01");
            secretariat.adopt(id, party, Bodies.TEXT_V1, "2025-03-01");
        }
    }

    private String schedule(int inDays, String email, String partyId) {
        return secretariat
                .command(
                        "/api/v1/agreements/" + id + "/reviews",
                        Bodies.review(
                                today.plusDays(inDays) + "T13:00:00+01:00", "Stadshuset", "Granskare", email, partyId))
                .json()
                .get("id")
                .asString();
    }

    private List<JsonNode> reviews(String query) {
        List<JsonNode> found = new ArrayList<>();
        secretariat
                .read("reviewer", "/api/v1/reviews?" + query)
                .json()
                .get("content")
                .forEach(review -> {
                    if (review.get("agreementId").asString().equals(id)) {
                        found.add(review);
                    }
                });
        return found;
    }

    @Test
    void meetingsInAWindowWithTheirStatusAndRevision() {
        String near = schedule(10, reviewer, "halmstad");
        String far = schedule(200, "other@example.org", "laholm");
        secretariat.command(
                "/api/v1/agreements/" + id + "/reviews/" + near + "/reschedule",
                Map.of("startsAt", today.plusDays(12) + "T10:00:00+01:00", "location", "Rådhuset"));
        secretariat.command(
                "/api/v1/agreements/" + id + "/reviews",
                Map.of(
                        "kind",
                        "MEETING",
                        "heldOn",
                        "2025-06-01",
                        "outcome",
                        Map.of("summary", "Bra", "decision", "CONTINUE")));

        List<JsonNode> nextMonth = reviews("from=" + today + "&to=" + today.plusDays(30));
        assertThat(nextMonth).hasSize(1);
        JsonNode review = nextMonth.get(0);
        assertThat(review.get("reviewId").asString()).isEqualTo(near);
        assertThat(review.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(review.get("startsAt").asString()).isEqualTo(today.plusDays(12) + "T10:00:00+01:00");
        assertThat(review.get("location").asString()).isEqualTo("Rådhuset");
        assertThat(review.get("revision").asInt()).isEqualTo(1);
        assertThat(review.get("agreementTitle").get("sv").asString()).isEqualTo("Avsiktsförklaring Laholm–Halmstad");
        assertThat(review.get("reminders").isArray()).isTrue();

        assertThat(reviews("").stream().map(r -> r.get("reviewId").asString()))
                .as("by default: from today, a year ahead")
                .containsExactly(near, far);
        assertThat(reviews("from=2025-01-01&to=2025-12-31"))
                .hasSize(1)
                .allMatch(r -> r.get("status").asString().equals("HELD"));

        secretariat.command(
                "/api/v1/agreements/" + id + "/reviews/" + far + "/cancellation", Map.of("reason", "Inställt"));
        JsonNode cancelled = reviews("").stream()
                .filter(r -> r.get("reviewId").asString().equals(far))
                .findFirst()
                .orElseThrow();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void perReviewerAndPerParty() {
        String mine = schedule(10, reviewer, "halmstad");
        schedule(20, "other@example.org", "laholm");
        assertThat(reviews("reviewer=" + reviewer.toUpperCase()).stream()
                        .map(r -> r.get("reviewId").asString()))
                .containsExactly(mine);
        assertThat(reviews("party=laholm")).hasSize(2);
        assertThat(reviews("party=ljungby")).isEmpty();
        assertThat(api.as("reviewer")
                        .get("/api/v1/reviews?from=2026-05-01&to=2026-04-01")
                        .status())
                .isEqualTo(400);
        assertThat(api.as("reviewer").get("/api/v1/reviews?from=tomorrow").status())
                .isEqualTo(400);
    }
}
