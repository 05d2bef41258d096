package se.coop.app.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Seeds;
import tools.jackson.databind.JsonNode;

/**
 * Seed 001: Helsingborg (SE) and Helsingør (DK) have cooperated since 1995; their joint strategy "En sammenbunden stad
 * 2035" runs on three tracks, Bo, Bevæge, Besøge; a company, Scandlines, is party to a sub-cooperation; titles in
 * Swedish and Danish.
 */
class HhSamarbetetSeedTest extends IntegrationTest {

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.get(field).asString()));
        return values;
    }

    @Test
    void aCooperationAcrossTheOresundWithItsStrategyAndASubCooperationWithACompany() {
        Seeds seed = Seeds.drive(api, "001-hh-samarbetet");

        // the secretariat: three agreements, Swedish and Danish parties, a company
        JsonNode hh = seed.status("secretariat", "hh");
        assertThat(hh.get("state").asString()).isEqualTo("IN_FORCE");
        assertThat(hh.get("effectiveFrom").asString()).isEqualTo("1995-01-01");
        assertThat(hh.get("title").get("sv").asString()).isEqualTo("HH-samarbetet mellan Helsingborg och Helsingør");
        assertThat(hh.get("title").get("da").asString()).isEqualTo("HH-samarbejdet mellem Helsingborg og Helsingør");
        assertThat(values(hh.get("parties"), "country")).containsExactly("SE", "DK");

        JsonNode strategy = seed.status("secretariat", "strategi");
        assertThat(values(strategy.get("focusAreas"), "code")).containsExactly("bo", "bevaege", "besoege");
        List<String> tracks = new ArrayList<>();
        strategy.get("focusAreas")
                .forEach(area -> tracks.add(area.get("title").get("da").asString()));
        assertThat(tracks).containsExactly("Bo", "Bevæge", "Besøge");
        assertThat(strategy.get("term").get("endsOn").asString()).isEqualTo("2035-12-31");
        assertThat(strategy.get("links").get(0).get("otherAgreementId").asString())
                .isEqualTo(seed.agreement("hh"));

        JsonNode cityclub = seed.status("secretariat", "cityclub");
        assertThat(cityclub.get("state").asString()).isEqualTo("IN_FORCE");
        assertThat(values(cityclub.get("parties"), "kind")).containsExactly("MUNICIPALITY", "MUNICIPALITY", "COMPANY");
        JsonNode scandlines = cityclub.get("parties").get(2);
        assertThat(scandlines.get("name").asString()).isEqualTo("Scandlines");
        assertThat(scandlines.get("country").asString()).isEqualTo("DK");
        assertThat(scandlines.get("requires")).hasSize(1);
        assertThat(scandlines.get("requires").get(0).asString()).isEqualTo("SIGNATURE");
        assertThat(scandlines.get("signed").asBoolean()).isTrue();
        assertThat(cityclub.get("links").get(0).get("type").asString()).isEqualTo("PART_OF");
        assertThat(cityclub.get("links").get(0).get("otherAgreementId").asString())
                .isEqualTo(seed.agreement("hh"));

        // the auditor: a Danish decision has no appeal window; both languages
        assertThat(seed.history("hh", "sv"))
                .contains(
                        "Byrådet i Helsingør Kommune antog textversion 1 den 28 november 1994 (Sag 94/1187).",
                        "Samverkansavtalet trädde i kraft den 1 januari 1995 (textversion 1) sedan samtliga parter"
                                + " godkänt den.");
        assertThat(seed.history("cityclub", "en"))
                .contains("Scandlines signed text version 1 on 6 May 2014, by Head of Travel (Head of Travel,"
                        + " Scandlines).");
        assertThat(seed.stateOn("hh", "1994-12-31")).isEqualTo("AWAITING_APPROVAL");
        assertThat(seed.stateOn("hh", "1995-01-01")).isEqualTo("IN_FORCE");
        assertThat(seed.stateOn("cityclub", "2014-05-01"))
                .as("Scandlines had not signed yet")
                .isEqualTo("AWAITING_APPROVAL");

        // a reviewer: the business week of 2014, held; the Danish party's status shows no appeal window
        assertThat(seed.meetings("hh", "party=helsingor"))
                .containsExactly("HELD MEETING 2014-10-07 Näringslivsdagarna – Business week");
        JsonNode helsingor = seed.status("reviewer", "hh").get("parties").get(1);
        assertThat(helsingor.get("adopted").asBoolean()).isTrue();
        assertThat(helsingor.get("appealWindowEndsOn").isNull()).isTrue();
        assertThat(helsingor.get("legallyFinal").isNull()).isTrue();
    }
}
