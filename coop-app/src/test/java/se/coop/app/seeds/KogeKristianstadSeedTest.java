package se.coop.app.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Seeds;
import tools.jackson.databind.JsonNode;

/**
 * Seed 004: Køge's mayor and Kristianstad's municipal commissioner sign a cooperation agreement on 1 October 2021 on
 * three focus areas; the political leaderships meet yearly; the agreement is later ended and archived.
 */
class KogeKristianstadSeedTest extends IntegrationTest {

    @Test
    void signedInKristianstadMetYearlyThenArchived() {
        Seeds seed = Seeds.drive(api, "004-koge-kristianstad");

        // the secretariat: archived, and read-only for good
        JsonNode status = seed.status("secretariat", "avtal");
        assertThat(status.get("state").asString()).isEqualTo("ARCHIVED");
        assertThat(status.get("effectiveFrom").asString()).isEqualTo("2021-10-01");
        assertThat(status.get("endedOn").asString()).isEqualTo("2024-12-31");
        assertThat(status.get("title").get("da").asString()).isEqualTo("Samarbejdsaftale mellem Køge og Kristianstad");
        assertThat(status.get("focusAreas").get(0).get("title").get("da").asString())
                .isEqualTo("Klimatilpasning og kystbeskyttelse");
        assertThat(status.get("parties").get(1).get("country").asString()).isEqualTo("DK");
        assertThat(status.get("parties").get(1).get("signedOn").asString()).isEqualTo("2021-10-01");
        Api.Answer refused = api.as("secretariat")
                .post(
                        "/api/v1/agreements/" + seed.agreement("avtal") + "/documents",
                        Map.of("title", "Efterskrift", "sha256", "e".repeat(64), "mediaType", "text/plain", "size", 1));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("AGREEMENT_ARCHIVED");

        // the auditor: who signed, in words, and the states it passed through
        assertThat(seed.history("avtal", "sv"))
                .contains(
                        "Kristianstads kommun undertecknade textversion 1 den 1 oktober 2021 genom Pierre Månsson"
                                + " (kommunalråd) i Kristianstad.",
                        "Køge Kommune undertecknade textversion 1 den 1 oktober 2021 genom Marie Staerke (borgmester)"
                                + " i Kristianstad.",
                        "Samverkansavtalet arkiverades och kan inte längre ändras.");
        List<String> types = seed.historyTypes("avtal");
        assertThat(types.subList(types.size() - 2, types.size()))
                .containsExactly("AgreementTerminated", "AgreementArchived");
        assertThat(seed.stateOn("avtal", "2021-09-30")).isEqualTo("AWAITING_APPROVAL");
        assertThat(seed.stateOn("avtal", "2023-06-01")).isEqualTo("IN_FORCE");
        assertThat(seed.stateOn("avtal", "2025-06-01")).isEqualTo("TERMINATED");

        // a reviewer: the three yearly meetings of the political leaderships, nothing upcoming
        assertThat(seed.meetings("avtal", "party=koge"))
                .containsExactly(
                        "HELD ANNUAL_REVIEW 2022-10-04 Årligt möte mellan de politiska ledningarna / Årligt møde"
                                + " mellem de politiske ledelser",
                        "HELD ANNUAL_REVIEW 2023-10-04 Årligt möte mellan de politiska ledningarna / Årligt møde"
                                + " mellem de politiske ledelser",
                        "HELD ANNUAL_REVIEW 2024-10-04 Årligt möte mellan de politiska ledningarna / Årligt møde"
                                + " mellem de politiske ledelser");
        assertThat(seed.status("reviewer", "avtal").get("nextReview").isNull()).isTrue();
    }
}
