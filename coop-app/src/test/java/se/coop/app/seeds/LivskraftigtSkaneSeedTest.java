package se.coop.app.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Seeds;
import tools.jackson.databind.JsonNode;

/**
 * Seed 002: Region Skåne leads six municipalities of north-west Skåne through a series of six workshops; the last one
 * is on 19 January 2016. The project has run its term.
 */
class LivskraftigtSkaneSeedTest extends IntegrationTest {

    @Test
    void aRegionLeadsSixMunicipalitiesThroughSixWorkshops() {
        Seeds seed = Seeds.drive(api, "002-livskraftigt-skane");

        // the secretariat: a project of a region and six municipalities, ended by its term
        JsonNode status = seed.status("secretariat", "projekt");
        assertThat(status.get("kind").asString()).isEqualTo("PROJECT");
        assertThat(status.get("state").asString()).isEqualTo("EXPIRED");
        assertThat(status.get("effectiveFrom").asString()).isEqualTo("2015-03-01");
        assertThat(status.get("endedOn").asString()).isEqualTo("2016-03-31");
        List<String> parties = new ArrayList<>();
        status.get("parties")
                .forEach(party -> parties.add(
                        party.get("name").asString() + " " + party.get("kind").asString()));
        assertThat(parties)
                .containsExactly(
                        "Region Skåne REGION",
                        "Bjuvs kommun MUNICIPALITY",
                        "Klippans kommun MUNICIPALITY",
                        "Perstorps kommun MUNICIPALITY",
                        "Svalövs kommun MUNICIPALITY",
                        "Åstorps kommun MUNICIPALITY",
                        "Örkelljunga kommun MUNICIPALITY");
        assertThat(status.get("parties").get(0).get("lead").asBoolean()).isTrue();
        assertThat(status.get("overdue").asBoolean())
                .as("an ended project is never overdue")
                .isFalse();

        // the auditor: six meetings held while it was in force, then the end of its term
        List<String> history = seed.history("projekt", "sv");
        assertThat(history.stream().filter(line -> line.startsWith("Möte \"Workshop ")))
                .hasSize(6);
        assertThat(history)
                .contains("Projektet trädde i kraft den 1 mars 2015 (textversion 1) sedan samtliga parter godkänt den.")
                .contains("Projektet löpte ut den 31 mars 2016 när avtalstiden tog slut.")
                .anyMatch(line -> line.startsWith(
                                "Möte \"Workshop 6 av 6: Sista träffen: att knyta ihop säcken\" hölls den 19 januari"
                                        + " 2016 i Örkelljunga:")
                        && line.endsWith("Beslut: avtalet ska avslutas."));
        assertThat(seed.stateOn("projekt", "2015-02-20")).isEqualTo("AWAITING_APPROVAL");
        assertThat(seed.stateOn("projekt", "2015-10-01")).isEqualTo("IN_FORCE");
        assertThat(seed.stateOn("projekt", "2016-06-01")).isEqualTo("EXPIRED");

        // a reviewer: the six workshops, all held, nothing upcoming
        assertThat(seed.meetings("projekt", "reviewer=samhallsplanering@skane.example.org"))
                .containsExactly(
                        "HELD MEETING 2015-04-15 Workshop 1 av 6: Vilken roll spelar kommunerna i sitt regionala"
                                + " sammanhang?",
                        "HELD MEETING 2015-06-10 Workshop 2 av 6: Orternas kvaliteter",
                        "HELD MEETING 2015-09-09 Workshop 3 av 6: Stadsbyggnad och infrastruktur/trafik",
                        "HELD MEETING 2015-10-21 Workshop 4 av 6: Näringsliv och turism",
                        "HELD MEETING 2015-11-25 Workshop 5 av 6: Prioriteringar",
                        "HELD MEETING 2016-01-19 Workshop 6 av 6: Sista träffen: att knyta ihop säcken");
    }
}
