package se.coop.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.LargeRegister;
import se.coop.app.support.Secretariat;
import tools.jackson.databind.JsonNode;

/** The list of agreements: each filter, paging, newest first. */
class AgreementListTest extends IntegrationTest {

    private Secretariat secretariat;
    private String marker;
    private String inForce;
    private String draft;
    private String danish;

    @BeforeEach
    void threeAgreementsOfOurOwn() {
        secretariat = new Secretariat(api);
        marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        inForce = secretariat.draft(titled(Bodies.halmstadDraft(), "Halmstad " + marker));
        secretariat.submit(inForce);
        secretariat.approveByAll(inForce, Bodies.TEXT_V1, "2020-01-20");
        draft = secretariat.draft(titled(Bodies.halmstadDraft(), "Utkast " + marker));
        danish = secretariat.draft(danishDraft());
    }

    private Map<String, Object> titled(Map<String, Object> body, String title) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put("title", Map.of("sv", title, "en", "Letter " + marker));
        return copy;
    }

    private Map<String, Object> danishDraft() {
        Map<String, Object> body = new LinkedHashMap<>(Bodies.halmstadDraft());
        body.put("title", Map.of("da", "Samarbejdsaftale " + marker));
        body.put(
                "parties",
                List.of(
                        Map.of(
                                "partyId",
                                "helsingborg-" + marker,
                                "name",
                                "Helsingborgs stad",
                                "kind",
                                "MUNICIPALITY",
                                "country",
                                "SE",
                                "adoptingBody",
                                "Kommunstyrelsen",
                                "lead",
                                true),
                        Map.of(
                                "partyId",
                                "helsingor-" + marker,
                                "name",
                                "Helsingør Kommune " + marker,
                                "kind",
                                "MUNICIPALITY",
                                "country",
                                "DK",
                                "adoptingBody",
                                "Byrådet")));
        body.put("focusAreas", List.of(Map.of("code", "bo-" + marker, "title", Map.of("da", "Bo"))));
        return body;
    }

    private List<String> ids(String query) {
        Api.Answer answer = secretariat.read("reviewer", "/api/v1/agreements?size=100&" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json()
                .get("content")
                .forEach(view -> ids.add(view.get("agreementId").asString()));
        return ids;
    }

    @Test
    void freeTextFindsTitlesInEveryLanguageAndPartyNames() {
        assertThat(ids("q=" + marker)).containsExactlyInAnyOrder(inForce, draft, danish);
        assertThat(ids("q=SAMARBEJDSAFTALE%20" + marker)).containsExactly(danish);
        assertThat(ids("q=helsing%C3%B8r%20kommune%20" + marker)).containsExactly(danish);
    }

    @Test
    void filterByState() {
        assertThat(ids("state=IN_FORCE&q=" + marker)).containsExactly(inForce);
        assertThat(ids("state=DRAFT&q=" + marker)).containsExactlyInAnyOrder(draft, danish);
    }

    @Test
    void countsPerStateTakeTheOtherFiltersAndNameEveryState() {
        JsonNode counts = secretariat
                .read("reviewer", "/api/v1/agreements/counts?q=" + marker)
                .json();
        assertThat(counts.get("byState").get("IN_FORCE").asLong()).isEqualTo(1);
        assertThat(counts.get("byState").get("DRAFT").asLong()).isEqualTo(2);
        assertThat(counts.get("byState").get("ARCHIVED").asLong()).isZero();
        assertThat(counts.get("total").asLong()).isEqualTo(3);
        JsonNode danishOnly = secretariat
                .read("reviewer", "/api/v1/agreements/counts?country=DK&q=" + marker)
                .json();
        assertThat(danishOnly.get("byState").get("DRAFT").asLong()).isEqualTo(1);
        assertThat(danishOnly.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void filterByPartyCountryAndFocusArea() {
        assertThat(ids("party=helsingor-" + marker)).containsExactly(danish);
        assertThat(ids("country=DK&q=" + marker)).containsExactly(danish);
        assertThat(ids("country=se&q=" + marker)).containsExactlyInAnyOrder(inForce, draft, danish);
        assertThat(ids("focusArea=bo-" + marker)).containsExactly(danish);
        assertThat(ids("party=laholm&q=" + marker)).containsExactlyInAnyOrder(inForce, draft);
    }

    @Test
    void pagesAreNewestFirstWithTheTotal() {
        JsonNode first = secretariat
                .read("auditor", "/api/v1/agreements?size=2&page=0&q=" + marker)
                .json();
        JsonNode second = secretariat
                .read("auditor", "/api/v1/agreements?size=2&page=1&q=" + marker)
                .json();
        assertThat(first.get("totalElements").asLong()).isEqualTo(3);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("content").get(0).get("agreementId").asString()).isEqualTo(danish);
        assertThat(first.get("content").get(1).get("agreementId").asString()).isEqualTo(draft);
        assertThat(second.get("content").get(0).get("agreementId").asString()).isEqualTo(inForce);
        assertThat(second.get("content").size()).isEqualTo(1);
    }

    @Test
    void aTotalBeyondTenThousandIsTenThousandAndSaysItIsALowerBound() {
        String party = "bulk-" + marker;
        // the copies are made of the draft's row in the read model: it must be there first
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM agreement_status WHERE agreement_id = ?", Long.class, draft))
                        .isEqualTo(1));
        try {
            LargeRegister.copies(jdbc, draft, party, 1, 10_000);
            JsonNode exact = secretariat
                    .read("auditor", "/api/v1/agreements?size=5&party=" + party)
                    .json();
            assertThat(exact.get("totalElements").asLong()).isEqualTo(10_000);
            assertThat(exact.get("totalExact").asBoolean()).isTrue();

            LargeRegister.copies(jdbc, draft, party, 10_001, 10_001);
            JsonNode beyond = secretariat
                    .read("auditor", "/api/v1/agreements?size=5&page=3&party=" + party)
                    .json();
            assertThat(beyond.get("totalElements").asLong()).isEqualTo(10_000);
            assertThat(beyond.get("totalExact").asBoolean()).isFalse();
            assertThat(beyond.get("content")).hasSize(5);
            assertThat(secretariat
                            .read("auditor", "/api/v1/agreements?size=5&party=" + marker + "-nobody")
                            .json()
                            .get("totalExact")
                            .asBoolean())
                    .isTrue();
        } finally {
            LargeRegister.remove(jdbc, party);
        }
    }

    @Test
    void theStatusViewShowsEachPartysApprovals() {
        JsonNode view =
                secretariat.read("reviewer", "/api/v1/agreements/" + inForce).json();
        assertThat(view.get("state").asString()).isEqualTo("IN_FORCE");
        assertThat(view.get("parties").size()).isEqualTo(7);
        view.get("parties").forEach(party -> {
            assertThat(party.get("signed").asBoolean()).isTrue();
            assertThat(party.get("adopted").asBoolean()).isTrue();
        });
        assertThat(view.get("parties").get(0).get("partyId").asString()).isEqualTo("halmstad");
        assertThat(view.get("parties").get(0).get("lead").asBoolean()).isTrue();
    }

    @Test
    void badListParametersAre400() {
        Api.Answer badState = api.as("reviewer").get("/api/v1/agreements?state=SIGNED");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.json().get("violations").get(0).get("field").asString())
                .isEqualTo("state");
        assertThat(api.as("reviewer").get("/api/v1/agreements?size=1000").status())
                .isEqualTo(400);
        assertThat(api.as("reviewer").get("/api/v1/agreements?page=-1").status())
                .isEqualTo(400);
    }
}
