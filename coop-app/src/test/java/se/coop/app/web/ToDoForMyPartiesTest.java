package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.coop.api.BusinessTime;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import se.coop.query.status.StatusOwingBackfill;
import tools.jackson.databind.JsonNode;

/**
 * "Something for my parties to do" (issue 27, item 3): the register finds the agreements where one of the reader's
 * parties still owes a decision, a signature or an amendment's approval — by the rule of the agreement's task list
 * (Owed) — over the API ({@code owing=}) and on the page (the built-in secretariat is Halmstad's); once its party has
 * given all it owes, the agreement leaves the filter. Rows written before the filter existed are filled at start-up.
 */
class ToDoForMyPartiesTest extends IntegrationTest {

    @Autowired
    private StatusOwingBackfill backfill;

    @Test
    void theAgreementsWhereAPartyStillOwesSomethingAndNoneOnceItHasGivenIt() {
        String a = "owes-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "other-" + UUID.randomUUID().toString().substring(0, 8);
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(draftOf(a, b, "Att göra " + a));
        assertThat(listed(secretariat, a)).as("a draft owes no approval yet").doesNotContain(id);

        secretariat.submit(id);
        String sha = secretariat
                .read("secretariat", "/api/v1/agreements/" + id)
                .json()
                .path("textSha256")
                .asString();
        assertThat(listed(secretariat, a)).containsExactly(id);
        assertThat(listed(secretariat, a + "," + b)).containsExactly(id);
        assertThat(secretariat
                        .reader("secretariat")
                        .get("/api/v1/agreements/counts?owing=" + a)
                        .json()
                        .path("byState")
                        .path("AWAITING_APPROVAL")
                        .asLong())
                .isEqualTo(1);

        String today = BusinessTime.today(TestClock.INSTANCE).toString();
        secretariat.sign(id, a, sha, today);
        assertThat(listed(secretariat, a))
                .as("its board's decision is still owed")
                .containsExactly(id);
        secretariat.adopt(id, a, sha, today);
        assertThat(listed(secretariat, a)).as("a has given all it owes").isEmpty();
        assertThat(listed(secretariat, b)).as("b still owes").containsExactly(id);

        // a row written before V119 has no value: filled at start-up by the same rule
        jdbc.update("UPDATE agreement_status SET owing_party_ids = NULL WHERE agreement_id = ?", id);
        assertThat(listed(secretariat, b)).isEmpty();
        backfill.fill();
        assertThat(listed(secretariat, b)).containsExactly(id);

        assertThat(api.as("secretariat")
                        .get("/api/v1/agreements?owing=Not%20an%20id")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theRegisterPageFindsWhatTheReadersPartiesOwe() {
        Secretariat secretariat = new Secretariat(api);
        String title = "Halmstad är skyldig " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.twoPartyDraft());
        draft.put("title", Map.of("sv", title));
        String id = secretariat.draft(draft);
        secretariat.submit(id);
        PageSession page = new PageSession(port).signIn("secretariat");
        secretariat.read("secretariat", "/api/v1/agreements/" + id); // waits until the status shows the submission
        String mine = page.get("/?mine=true&q="
                        + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8) + "")
                .body();
        assertThat(mine).contains("id=\"f-mine\"").contains("checked").contains(title);

        LocalDate approved = BusinessTime.today(TestClock.INSTANCE);
        String sha = secretariat
                .read("secretariat", "/api/v1/agreements/" + id)
                .json()
                .path("textSha256")
                .asString();
        secretariat.sign(id, "halmstad", sha, approved.toString());
        secretariat.adopt(id, "halmstad", sha, approved.toString());
        secretariat.read("secretariat", "/api/v1/agreements/" + id);
        String after = page.get("/?mine=true&q="
                        + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8) + "")
                .body();
        assertThat(after).doesNotContain("/agreements/" + id);
        // an auditor belongs to no party: no such filter is offered
        assertThat(new PageSession(port).signIn("auditor").get("/").body()).doesNotContain("id=\"f-mine\"");
    }

    private static List<String> listed(Secretariat secretariat, String owing) {
        Api.Answer answer = secretariat.reader("secretariat").get("/api/v1/agreements?size=100&owing=" + owing);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode row : answer.json().path("content")) {
            ids.add(row.path("agreementId").asString());
        }
        return ids;
    }

    private static Map<String, Object> draftOf(String a, String b, String title) {
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.twoPartyDraft());
        draft.put("title", Map.of("sv", title));
        List<Map<String, Object>> parties = new ArrayList<>();
        for (Object given : (List<?>) draft.get("parties")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> party = new LinkedHashMap<>((Map<String, Object>) given);
            party.put("partyId", parties.isEmpty() ? a : b);
            parties.add(party);
        }
        draft.put("parties", parties);
        return draft;
    }
}
