package se.coop.app.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.coop.api.BusinessTime;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Seeds;
import se.coop.app.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Seed 000: Kristianstad and Hässleholm adopt a joint strategy in 2016, to be carried on within Skåne Nordost as one
 * of its four strategic areas; the project's final report is attached. No review has been recorded since.
 */
class TillvaxtmotornSeedTest extends IntegrationTest {

    @Test
    void aJointStrategyPartOfSkaneNordostWithItsFinalReport() throws IOException {
        Seeds seed = Seeds.drive(api, "000-tillvaxtmotorn");

        // the secretariat: what the strategy is and where it stands
        JsonNode status = seed.status("secretariat", "strategi");
        assertThat(status.get("state").asString()).isEqualTo("IN_FORCE");
        assertThat(status.get("kind").asString()).isEqualTo("JOINT_STRATEGY");
        assertThat(status.get("effectiveFrom").asString()).isEqualTo("2016-11-28");
        assertThat(status.get("parties").get(0).get("partyId").asString()).isEqualTo("hassleholm");
        assertThat(status.get("parties").get(0).get("lead").asBoolean()).isTrue();
        status.get("parties").forEach(party -> {
            assertThat(party.get("adopted").asBoolean()).isTrue();
            assertThat(party.get("legallyFinal").asBoolean()).isTrue();
        });
        assertThat(status.get("focusAreas")).hasSize(3);
        assertThat(status.get("links").get(0).get("type").asString()).isEqualTo("PART_OF");
        assertThat(status.get("links").get(0).get("otherTitle").asString()).startsWith("Skåne Nordost");
        assertThat(status.get("documents").get(0).get("title").asString()).endsWith("projektets slutrapport");
        assertThat(status.get("documents").get(0).get("size").asLong())
                .as("the size of the demo's illustrative final report")
                .isEqualTo(Files.size(Path.of(
                        "..",
                        "coop-command",
                        "src",
                        "main",
                        "resources",
                        "demo",
                        "documents",
                        "tillvaxtmotorn-slutrapport.pdf")));

        // the auditor: every decision in words, and the state on a day inside the story
        assertThat(seed.history("strategi", "sv"))
                .contains(
                        "Kommunfullmäktige i Kristianstads kommun antog textversion 1 den 15 november 2016"
                                + " (KS 2016/312 § 198). Protokollet anslogs den 21 november 2016; sista dag att"
                                + " överklaga är 12 december 2016.",
                        "Den gemensamma strategin trädde i kraft den 28 november 2016 (textversion 1) sedan samtliga"
                                + " parter godkänt den.",
                        "Den gemensamma strategin kopplades som del av Skåne Nordost (ett av fyra strategiska"
                                + " områden).");
        assertThat(seed.stateOn("strategi", "2016-11-20")).isEqualTo("AWAITING_APPROVAL");
        assertThat(seed.stateOn("strategi", "2016-12-16")).isEqualTo("IN_FORCE");

        // a reviewer: no meeting held or planned since 2016, so the strategy is overdue ...
        assertThat(seed.status("reviewer", "strategi").get("overdue").asBoolean())
                .isTrue();
        assertThat(seed.meetings("strategi", "party=hassleholm")).isEmpty();
        // ... and once the hour's grace for a history recorded after the fact has passed, Hässleholm's secretariat
        // (which has no address configured here) is reminded
        passTime(OffsetDateTime.ofInstant(TestClock.INSTANCE.instant(), BusinessTime.ZONE)
                .plusHours(1)
                .plusMinutes(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> reminders = new ArrayList<>();
            seed.read("reviewer", "/api/v1/reminders?since=2000-01-01")
                    .get("reminders")
                    .forEach(r -> {
                        if (r.get("agreementId").asString().equals(seed.agreement("strategi"))) {
                            reminders.add(r.get("subject").asString());
                        }
                    });
            assertThat(reminders).containsExactly("OVERDUE_REVIEW");
        });
    }
}
