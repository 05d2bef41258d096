package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.coop.app.support.IntegrationTest;

/**
 * The party register in the pages (issue 27, item 5): the draft's rows search it and take what is picked — and a stale
 * or hand-made pick changes nothing; a party with no board leaves the adopting body empty rather than another's; the
 * register page keeps a search it cannot run in its field, with its problem named, and says when it shows only the
 * first hundred; a secretariat adds an organisation there, every problem of the form named at once.
 */
class PartyRegisterPagesTest extends IntegrationTest {

    @Test
    void aDraftRowTakesWhatIsPickedAndNothingElse() {
        PageSession clerk = new PageSession(port).signIn("secretariat");
        Map<String, String> form =
                new LinkedHashMap<>(clerk.formOf(clerk.get("/agreements/new").body(), Map.of()));
        form.put("rows", "2");
        form.put("title.sv", "Sökt och valt");

        Map<String, String> find = new LinkedHashMap<>(form);
        find.put("parties[1].search", "køge");
        find.put("find", "1");
        String found = clerk.post("/agreements/new", find).body();
        assertThat(found).contains("name=\"pick\"").contains("value=\"1:koge\"").contains("autofocus");

        Map<String, String> pick = new LinkedHashMap<>(form);
        pick.put("pick", "1:koge");
        String picked = clerk.post("/agreements/new", pick).body();
        assertThat(picked)
                .contains("value=\"Køge Kommune\"")
                .contains("value=\"Kommunalbestyrelsen\"")
                .contains("value=\"Sökt och valt\"");

        // a party with no board: the row's adopting body is emptied, not left as Køge's
        String university = "Lärosäte " + UUID.randomUUID().toString().substring(0, 6);
        String id = api.as("secretariat")
                .post(
                        "/api/v1/parties",
                        "{\"names\":{\"sv\":\"" + university + "\"},\"kind\":\"UNIVERSITY\",\"country\":\"SE\"}")
                .json()
                .path("partyId")
                .asString();
        Map<String, String> again = new LinkedHashMap<>(form);
        again.put("parties[1].partyId", "koge");
        again.put("parties[1].adoptingBody", "Kommunalbestyrelsen");
        again.put("pick", "1:" + id);
        String replaced = clerk.post("/agreements/new", again).body();
        assertThat(replaced).contains("value=\"" + university + "\"").doesNotContain("value=\"Kommunalbestyrelsen\"");

        // a company picked signs, as a rule: its row asks for its signature only (the clerk may still change it)
        String company = api.as("secretariat")
                .post(
                        "/api/v1/parties",
                        "{\"names\":{\"da\":\"Færge "
                                + UUID.randomUUID().toString().substring(0, 6)
                                + "\"},\"kind\":\"COMPANY\",\"country\":\"DK\"}")
                .json()
                .path("partyId")
                .asString();
        Map<String, String> signs = new LinkedHashMap<>(form);
        signs.put("pick", "0:" + company);
        assertThat(clerk.post("/agreements/new", signs).body())
                .containsPattern("<option value=\"SIGNATURE\"\\s+selected");

        // a row the form has not, a row that is no number, an organisation the register has not: nothing changes
        for (String stale : new String[] {"7:koge", "abc:koge", "-1:koge", ":koge", "0:no-such-party"}) {
            Map<String, String> bogus = new LinkedHashMap<>(form);
            bogus.put("parties[0].name", "Som skrivet");
            bogus.put("pick", stale);
            String shown = clerk.post("/agreements/new", bogus).body();
            assertThat(shown).as(stale).contains("value=\"Som skrivet\"").doesNotContain("value=\"Køge Kommune\"");
        }
        // nothing to search for: no "no match" for a search never made
        Map<String, String> empty = new LinkedHashMap<>(form);
        empty.put("find", "0");
        assertThat(clerk.post("/agreements/new", empty).body()).doesNotContain("Ingen organisation i partsregistret");
    }

    @Test
    void theRegisterPageKeepsASearchItCannotRunAndNamesItsProblem() {
        PageSession reader = new PageSession(port).signIn("reviewer");
        HttpResponse<String> refused = reader.get("/parties?q=x%07y&country=DK");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"error-summary\"", "href=\"#parties-q\"", "Namn, kod eller id", "id=\"parties-q\"")
                .contains("<option value=\"DK\" selected")
                .doesNotContain("Text i titel eller part");
        String many = reader.get("/parties?country=SE").body();
        assertThat(many).contains("Fler än 100 organisationer matchar");
        // the separator of the searched text is no part of a search: "kommun|k" matches across no two fields
        assertThat(reader.get("/parties?q=kommun%7Ck").body()).contains("Ingen organisation i registret matchar");
        // a reviewer reads the register; only a secretariat or an operator adds to it
        assertThat(many).doesNotContain("id=\"form-party\"");
    }

    @Test
    void theCalendarTakesAPartysNameAsTheRegisterKnowsIt() {
        // found on an independent walk: a party's name in the calendar's filter gave a dead-end page
        PageSession reader = new PageSession(port).signIn("reviewer");
        HttpResponse<String> byName = reader.get("/calendar?party=Kristianstad");
        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(byName.body()).contains("Visar möten för Kristianstads kommun.");
        HttpResponse<String> many = reader.get("/calendar?party=Kommun");
        assertThat(many.statusCode()).isEqualTo(200);
        assertThat(many.body()).contains("Ingen enda part i partsregistret matchar ”Kommun”");
        // the API keeps taking ids only
        assertThat(api.as("reviewer")
                        .get("/api/v1/reviews?party=Kristianstad%20kommun")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aSecretariatAddsAnOrganisationAndSeesEveryProblemAtOnce() {
        PageSession clerk = new PageSession(port).signIn("secretariat");
        String page = clerk.get("/parties").body();
        HttpResponse<String> refused =
                clerk.post("/parties", clerk.formOf(page, Map.of("officialCode", "x".repeat(41))));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"error-summary\"")
                .contains("href=\"#party-names-sv\"", "href=\"#party-kind\"", "href=\"#party-country\"")
                .contains("href=\"#party-officialCode\"")
                .contains("ange organisationens namn på minst ett av svenska, danska och engelska")
                .contains("value=\"" + "x".repeat(41) + "\"");
        String name = "Förening " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> added = clerk.post(
                "/parties",
                clerk.formOf(
                        page,
                        Map.of(
                                "names.sv", name,
                                "kind", "OTHER",
                                "country", "SE",
                                "boardNames", "Styrelsen\nÅrsmötet")));
        assertThat(added.statusCode()).isEqualTo(302);
        String shown = clerk.get(
                        added.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body();
        assertThat(shown).contains(name + " har lagts till i partsregistret").contains("Styrelsen, Årsmötet");
    }
}
