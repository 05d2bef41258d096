package se.coop.app.parties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.coop.app.support.Api;
import se.coop.app.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The party register (issue 27, item 5): seeded with every Swedish municipality and region and every Danish
 * municipality and region from the publishers' lists; searched by name in any language, code or id, without regard to
 * accents; a secretariat adds an organisation, its id made from its name; bad input and a taken id write nothing; a
 * start-up writing the published list again leaves what a secretariat added as added.
 */
class PartyRegisterTest extends IntegrationTest {

    @Autowired
    private JdbcPartyRegister register;

    @Test
    void holdsEveryPublishedMunicipalityAndRegionWithItsOfficialCode() {
        assertThat(seeded("SE", "MUNICIPALITY")).isEqualTo(290);
        assertThat(seeded("SE", "REGION")).isEqualTo(20);
        assertThat(seeded("DK", "MUNICIPALITY")).isEqualTo(98);
        assertThat(seeded("DK", "REGION")).isEqualTo(5);

        JsonNode kristianstad = one("/api/v1/parties?q=1290");
        assertThat(kristianstad.path("partyId").asString()).isEqualTo("kristianstad");
        assertThat(kristianstad.path("names").path("sv").asString()).isEqualTo("Kristianstads kommun");
        assertThat(kristianstad.path("boardNames").get(0).asString()).isEqualTo("Kommunfullmäktige");

        // without its accent, and with it; in a Danish name, a Swedish one or by its code
        for (String q : List.of("koge", "Køge", "KØGE KOMMUNE", "0259")) {
            JsonNode koge = one("/api/v1/parties?q=" + encode(q) + "&country=DK");
            assertThat(koge.path("partyId").asString()).as(q).isEqualTo("koge");
            assertThat(koge.path("officialCode").asString()).isEqualTo("0259");
            assertThat(koge.path("names").path("da").asString()).isEqualTo("Køge Kommune");
            assertThat(koge.path("source").asString()).contains("Danmarks Adresseregister");
        }
        Api.Answer regions = api.as("reviewer").get("/api/v1/parties?country=DK&kind=REGION");
        List<String> codes = new ArrayList<>();
        regions.json().forEach(region -> codes.add(region.path("officialCode").asString()));
        assertThat(codes).containsExactlyInAnyOrder("1081", "1082", "1083", "1084", "1085");
        // a name that begins with the words (Borgholm) comes before those that only hold them (Aalborg, Helsingborg)
        Api.Answer borg = api.as("auditor").get("/api/v1/parties?q=borg");
        assertThat(borg.json().get(0).path("partyId").asString()).isEqualTo("borgholm");
        assertThat(borg.json().size()).isGreaterThan(3);
    }

    @Test
    void aSecretariatAddsAnOrganisationWhoseIdIsMadeFromItsName() {
        String name = "Högskolan Väst " + UUID.randomUUID().toString().substring(0, 6);
        Api.Answer added = api.as("secretariat")
                .post(
                        "/api/v1/parties",
                        "{\"names\":{\"sv\":\"" + name + "\"},\"kind\":\"UNIVERSITY\",\"country\":\"se\","
                                + "\"officialCode\":\"202100-4086\",\"boardNames\":[\"Styrelsen\",\" \",\"Styrelsen\"]}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String id = added.json().path("partyId").asString();
        assertThat(id).startsWith("hogskolan-vast-");
        assertThat(added.header("Location")).isEqualTo("/api/v1/parties/" + id);
        assertThat(added.json().path("names").path("en").asString()).isEqualTo(name);
        assertThat(added.json().path("boardNames").size()).isEqualTo(1);
        assertThat(added.json().path("addedBy").asString()).isEqualTo("secretariat");
        assertThat(one("/api/v1/parties?q=" + encode(name.toLowerCase()))
                        .path("partyId")
                        .asString())
                .isEqualTo(id);

        // the same id again is refused, as is bad input; neither writes anything
        long before = count();
        Api.Answer taken = api.as("operator")
                .post(
                        "/api/v1/parties",
                        "{\"partyId\":\"" + id + "\",\"names\":{\"en\":\"Other\"},\"kind\":\"COMPANY\","
                                + "\"country\":\"DK\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("errorCode").asString()).isEqualTo("PARTY_ID_TAKEN");
        Api.Answer bad = api.as("secretariat")
                .post(
                        "/api/v1/parties",
                        "{\"partyId\":\"Not An Id\",\"names\":{},\"kind\":\"COMPANY\",\"country\":\"XX\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"partyId\"", "\"field\":\"names\"", "\"field\":\"country\"");
        assertThat(api.as("reviewer").post("/api/v1/parties", "{}").status()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);
        assertThat(api.as("auditor").get("/api/v1/parties/no-such-party").status())
                .isEqualTo(404);
    }

    @Test
    void writingThePublishedListAgainKeepsWhatASecretariatAddedUnderAnIdOfIt() {
        jdbc.update("DELETE FROM party_register WHERE party_id = 'vaxholm'");
        api.as("secretariat")
                .post(
                        "/api/v1/parties",
                        "{\"partyId\":\"vaxholm\",\"names\":{\"sv\":\"Vaxholms stad\"},\"kind\":\"MUNICIPALITY\","
                                + "\"country\":\"SE\"}");
        jdbc.update("UPDATE party_register SET name_en = 'Changed' WHERE party_id = 'vaxjo'");

        register.afterPropertiesSet();

        assertThat(read("/api/v1/parties/vaxholm").path("names").path("sv").asString())
                .isEqualTo("Vaxholms stad");
        assertThat(read("/api/v1/parties/vaxjo").path("names").path("en").asString())
                .isEqualTo("Växjö Municipality");
        // put back as published, for whoever reads it next
        jdbc.update("DELETE FROM party_register WHERE party_id = 'vaxholm'");
        register.afterPropertiesSet();
        assertThat(read("/api/v1/parties/vaxholm").path("source").asString()).contains("SCB");
    }

    private int seeded(String country, String kind) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM party_register WHERE added_by IS NULL AND country = ? AND kind = ?",
                Integer.class,
                country,
                kind);
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM party_register", Long.class);
    }

    private JsonNode one(String path) {
        Api.Answer found = api.as("secretariat").get(path);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().size()).as(path).isGreaterThanOrEqualTo(1);
        return found.json().get(0);
    }

    private JsonNode read(String path) {
        Api.Answer found = api.as("secretariat").get(path);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
