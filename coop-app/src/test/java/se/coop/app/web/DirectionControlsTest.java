package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import tools.jackson.databind.JsonNode;

/**
 * Issue 28, finding 6: a title holding U+202E (right-to-left override) reversed Coop's own words after it on the
 * pages and in the history. A user's text holding a direction control is isolated — between U+2068 and U+2069, its
 * override closed — in the history's sentences and in every text a page shows, so Coop's words after it stay as they
 * are; a text without one is shown as typed.
 */
class DirectionControlsTest extends IntegrationTest {

    private static final String FSI = "\u2068";
    private static final String PDI = "\u2069";
    private static final String RLO = "\u202E";
    private static final String PDF = "\u202C";

    @Test
    void aTitleWithAnOverrideIsIsolatedInTheHistoryAndOnThePages() {
        Secretariat secretariat = new Secretariat(api);
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.twoPartyDraft());
        draft.put("title", Map.of("sv", "Samverkan " + RLO + "rlotitle"));
        String id = secretariat.draft(draft);

        JsonNode drafted = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/history")
                .json()
                .path("entries")
                .get(0);
        String isolatedTitle = FSI + "Samverkan " + RLO + "rlotitle" + PDF + PDI;
        assertThat(drafted.path("summary").asString())
                .as("the sentence's own words come after the isolate, not inside the override")
                .contains("\"" + isolatedTitle + "\" upprättades som utkast");

        PageSession page = new PageSession(port).signIn("secretariat");
        // found by a review: where a user's text and Coop's words share one text (a page's title, a sentence quoting
        // what was searched for), the user's part alone is isolated, so Coop's words after it keep their direction
        assertThat(page.get("/agreements/" + id + "?lang=en").body())
                .contains("<title>" + FSI + FSI + "Samverkan " + RLO + "rlotitle" + PDF + PDI + " – Coop" + PDI);
        assertThat(page.get("/calendar?lang=en&party="
                                + java.net.URLEncoder.encode(RLO + "BX", java.nio.charset.StandardCharsets.UTF_8))
                        .body())
                .contains("&quot;" + FSI + RLO + "BX" + PDF + PDI + "&quot;: give the party");
        for (String path : new String[] {"/agreements/" + id + "?lang=sv", "/agreements?q=rlotitle&lang=en"}) {
            String html = page.get(path).body();
            assertThat(html).as(path).contains("rlotitle");
            int at = html.indexOf(RLO);
            while (at >= 0) {
                boolean inATag = html.lastIndexOf('<', at) > html.lastIndexOf('>', at);
                boolean inATextarea = html.lastIndexOf("<textarea", at) > html.lastIndexOf("</textarea", at);
                if (inATag || inATextarea) {
                    // a form's value is left as typed, so that sending it again changes nothing
                    at = html.indexOf(RLO, at + 1);
                    continue;
                }
                int opened = html.lastIndexOf(FSI, at);
                int closed = html.indexOf(PDI, at);
                assertThat(opened)
                        .as("%s: the override at %d is inside an isolate", path, at)
                        .isGreaterThanOrEqualTo(0);
                assertThat(html.substring(opened, closed))
                        .as(path)
                        .doesNotContain("<")
                        .contains(PDF);
                at = html.indexOf(RLO, at + 1);
            }
        }
    }
}
