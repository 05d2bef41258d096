package se.coop.app.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.coop.api.BusinessTime;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Seeds;
import se.coop.app.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Seed 003: a project 2017–2018 funded by Tillväxtverket, then an action plan to the end of 2019, then a letter of
 * intent of Halmstad (lead) with Laholm, Hylte, Ljungby, Båstad, Falkenberg and Högskolan i Halmstad, adopted by each
 * board early in 2020 and in force until further notice with annual updates by the steering group.
 */
class HalmstadSeedTest extends IntegrationTest {

    @Test
    void projectThenActionPlanThenALetterOfIntentAdoptedBySevenBoards() {
        LocalDate loaded = BusinessTime.today(TestClock.INSTANCE);
        Seeds seed = Seeds.drive(api, "003-halmstad");

        // the secretariat: the chain of three, and the letter of intent in force
        JsonNode project = seed.status("secretariat", "projekt");
        assertThat(project.get("state").asString()).isEqualTo("EXPIRED");
        assertThat(project.get("funding").get("source").asString()).isEqualTo("Tillväxtverket");
        assertThat(project.get("endedOn").asString()).isEqualTo("2018-12-31");
        JsonNode plan = seed.status("secretariat", "handlingsplan");
        assertThat(plan.get("state").asString()).isEqualTo("EXPIRED");
        assertThat(plan.get("endedOn").asString()).isEqualTo("2019-12-31");
        assertThat(plan.get("links").get(0).get("type").asString()).isEqualTo("SUCCEEDS");
        assertThat(plan.get("links").get(0).get("otherAgreementId").asString()).isEqualTo(seed.agreement("projekt"));

        JsonNode letter = seed.status("secretariat", "avsiktsforklaring");
        assertThat(letter.get("state").asString()).isEqualTo("IN_FORCE");
        assertThat(letter.get("kind").asString()).isEqualTo("LETTER_OF_INTENT");
        assertThat(letter.get("effectiveFrom").asString()).isEqualTo("2020-02-07");
        assertThat(letter.get("term").get("untilFurtherNotice").asBoolean()).isTrue();
        assertThat(letter.get("links").get(0).get("otherAgreementId").asString())
                .isEqualTo(seed.agreement("handlingsplan"));
        List<String> parties = new ArrayList<>();
        letter.get("parties").forEach(party -> {
            assertThat(party.get("signed").asBoolean()).isTrue();
            assertThat(party.get("adopted").asBoolean()).isTrue();
            parties.add(party.get("partyId").asString());
        });
        assertThat(parties)
                .containsExactly(
                        "halmstad", "laholm", "hylte", "ljungby", "bastad", "falkenberg", "hogskolan-i-halmstad");
        assertThat(letter.get("parties").get(1).get("appealWindowEndsOn").asString())
                .isEqualTo("2020-02-14");
        assertThat(letter.get("parties").get(1).get("legallyFinal").asBoolean()).isTrue();
        List<String> focusAreas = new ArrayList<>();
        letter.get("focusAreas")
                .forEach(area -> focusAreas.add(area.get("title").get("sv").asString()));
        assertThat(focusAreas).containsExactly("Kompetensförsörjning", "Näringslivsutveckling", "Framtidens välfärd");

        // the auditor: the seven adoptions in Swedish, and the state on days inside the story
        List<String> adoptions = seed.history("avsiktsforklaring", "sv").stream()
                .filter(line -> line.contains(" antog textversion 1 den "))
                .toList();
        assertThat(adoptions)
                .hasSize(7)
                .contains(
                        "Kommunstyrelsen i Laholms kommun antog textversion 1 den 21 januari 2020 (KS 2019/377 § 9)."
                                + " Protokollet anslogs den 24 januari 2020; sista dag att överklaga är 14 februari"
                                + " 2020.",
                        "Högskolestyrelsen i Högskolan i Halmstad antog textversion 1 den 7 februari 2020"
                                + " (L 2019/1187 § 7).");
        assertThat(seed.history("avsiktsforklaring", "sv"))
                .contains("Avsiktsförklaringen trädde i kraft den 7 februari 2020 (textversion 1) sedan samtliga parter"
                        + " godkänt den.");
        assertThat(seed.stateOn("projekt", "2018-06-01")).isEqualTo("IN_FORCE");
        assertThat(seed.stateOn("handlingsplan", "2019-06-01")).isEqualTo("IN_FORCE");
        assertThat(seed.stateOn("projekt", "2019-06-01")).isEqualTo("EXPIRED");
        assertThat(seed.stateOn("avsiktsforklaring", "2020-02-01")).isEqualTo("AWAITING_APPROVAL");
        assertThat(seed.stateOn("avsiktsforklaring", "2020-03-01")).isEqualTo("IN_FORCE");

        // a reviewer on the steering group: an annual update every February since 2021, and the next one
        List<String> expected = new ArrayList<>();
        for (int year = 2021; LocalDate.of(year, 2, 10).isBefore(loaded); year++) {
            expected.add(
                    "HELD ANNUAL_REVIEW " + LocalDate.of(year, 2, 10) + " Årlig uppdatering av avsiktsförklaringen");
        }
        LocalDate next = LocalDate.of(loaded.getYear(), 2, 10);
        if (!next.isAfter(loaded)) {
            next = next.plusYears(1);
        }
        expected.add("SCHEDULED ANNUAL_REVIEW " + next + " Årlig uppdatering av avsiktsförklaringen");
        assertThat(seed.meetings("avsiktsforklaring", "reviewer=rektor@hh.example.org"))
                .containsExactlyElementsOf(expected);
        JsonNode seen = seed.status("reviewer", "avsiktsforklaring");
        assertThat(seen.get("overdue").asBoolean()).isFalse();
        assertThat(seen.get("nextReview").get("location").asString()).isEqualTo("Rådhuset, Halmstad");
    }
}
