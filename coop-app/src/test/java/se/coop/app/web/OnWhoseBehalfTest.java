package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.coop.api.BusinessTime;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Who acts for whom (issue 27, item 2): the built-in secretariat belongs to Halmstad, as its address does. It may still
 * record for any party, as a joint secretariat does; each event's metadata keeps the parties its user belongs to, and
 * the history — its JSON and the agreement's page, in each language — says when it recorded on another party's behalf.
 */
class OnWhoseBehalfTest extends IntegrationTest {

    @Test
    void aSecretariatOfHalmstadRecordsLaholmsSignatureOnItsBehalfAndTheHistorySaysSo() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);
        String sha = secretariat
                .read("secretariat", "/api/v1/agreements/" + id)
                .json()
                .path("textSha256")
                .asString();
        LocalDate today = BusinessTime.today(TestClock.INSTANCE);
        secretariat.sign(id, "laholm", sha, today.toString());
        secretariat.sign(id, "halmstad", sha, today.toString());

        JsonNode metadata = api.as("auditor")
                .get("/api/v1/agreements/" + id + "/events")
                .json()
                .path("events")
                .get(2)
                .path("metadata");
        assertThat(metadata.path("actorParties").asString()).isEqualTo("halmstad");
        assertThat(metadata.path("partyId").asString()).isEqualTo("laholm");

        JsonNode entries = historyOf(secretariat, id);
        JsonNode laholm = entryFor(entries, "laholm");
        assertThat(laholm.path("actorParties").get(0).asString()).isEqualTo("halmstad");
        assertThat(entryFor(entries, "halmstad").path("actorParties").get(0).asString())
                .isEqualTo("halmstad");

        PageSession page = new PageSession(port).signIn("secretariat");
        String swedish = page.get("/agreements/" + id + "?lang=sv").body();
        assertThat(swedish)
                .contains("av secretariat (Halmstads kommun) på uppdrag av Laholms kommun")
                .contains("av secretariat (Halmstads kommun)<");
        assertThat(page.get("/agreements/" + id + "?lang=da").body())
                .contains("af secretariat (Halmstads kommun) på vegne af Laholms kommun");
        assertThat(page.get("/agreements/" + id + "?lang=en").body())
                .contains("by secretariat (Halmstads kommun) on behalf of Laholms kommun");
    }

    private static JsonNode historyOf(Secretariat secretariat, String id) {
        Api.Answer history = secretariat.read("auditor", "/api/v1/agreements/" + id + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        return history.json().path("entries");
    }

    private static JsonNode entryFor(JsonNode entries, String party) {
        for (JsonNode entry : entries) {
            if (entry.path("type").asString().equals("AgreementSigned")
                    && party.equals(entry.path("partyId").asString())) {
                return entry;
            }
        }
        throw new AssertionError("no signature of " + party + " in " + entries);
    }
}
