package se.coop.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.coop.api.BusinessTime;
import se.coop.api.event.AgreementEvent;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * The history of three agreements that together go through every event of the lifecycle, read in Swedish and in
 * English: one entry per event, in order, in the language asked for, with who, for which party and the reference.
 */
class HistoryTest extends IntegrationTest {

    private static final String V1 = "a1".repeat(32);
    private static final String V2 = "b2".repeat(32);
    private static final String V3 = "c3".repeat(32);

    private Secretariat secretariat;

    private static Map<String, Object> party(
            String id, String name, String country, String body, boolean lead, List<String> requires) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("partyId", id);
        party.put("name", name);
        party.put("kind", "MUNICIPALITY");
        party.put("country", country);
        party.put("adoptingBody", body);
        party.put("lead", lead);
        if (requires != null) {
            party.put("requires", requires);
        }
        return party;
    }

    private static Map<String, Object> draft(Map<String, Object> term) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", Map.of("sv", "Samverkan i Öresund", "en", "Cooperation across the Øresund"));
        body.put("kind", "COOPERATION_AGREEMENT");
        body.put("binding", true);
        body.put(
                "parties",
                List.of(
                        party("halmstad", "Halmstads kommun", "SE", "Kommunstyrelsen", true, null),
                        party("laholm", "Laholms kommun", "SE", "Kommunstyrelsen", false, null),
                        party("helsingor", "Helsingør Kommune", "DK", "Byrådet", false, List.of("SIGNATURE"))));
        body.put("term", term);
        body.put("text", Map.of("sha256", V1, "title", "Avtal"));
        return body;
    }

    private static Map<String, Object> text(String sha) {
        return Map.of("sha256", sha, "title", "Avtal");
    }

    @Test
    void everyEventOfTheLifecycleReadsAsADecisionInSwedishDanishAndEnglish() {
        secretariat = new Secretariat(api);
        LocalDate today = BusinessTime.today(TestClock.INSTANCE);
        String future = today.plusDays(40) + "T13:00:00+01:00";
        String a = secretariat.draft(draft(Map.of("untilFurtherNotice", true, "noticePeriodMonths", 0)));
        String p = "/api/v1/agreements/" + a;
        secretariat.command(
                p + "/revisions", Map.of("text", text(V1), "title", Map.of("sv", "Samverkan i Öresundsregionen")));
        secretariat.submit(a);
        secretariat.sign(a, "laholm", V1, "2025-11-03");
        secretariat.command(p + "/revisions", Map.of("text", text(V2), "note", "Synpunkter inarbetade"));
        secretariat.submit(a);
        secretariat.decide(a, "laholm", V2, "2025-12-01", "REJECTED");
        Map<String, Object> adoption = new LinkedHashMap<>(Bodies.adoption("laholm", V2, "2025-12-15"));
        adoption.put("minutesPostedOn", "2025-12-17");
        String decision = secretariat
                .command(p + "/board-decisions", adoption)
                .json()
                .get("id")
                .asString();
        secretariat.command(
                p + "/board-decisions/" + decision + "/appeal", Map.of("outcome", "LODGED", "on", "2025-12-30"));
        secretariat.command(
                p + "/board-decisions/" + decision + "/appeal", Map.of("outcome", "DISMISSED", "on", "2026-01-20"));
        secretariat.sign(a, "laholm", V2, "2026-01-21");
        secretariat.sign(a, "helsingor", V2, "2026-01-21");
        secretariat.sign(a, "halmstad", V2, "2026-01-22");
        secretariat.adopt(a, "halmstad", V2, "2026-01-22");
        Map<String, Object> reviewer =
                Map.of("name", "Anna Granskare", "email", "anna@example.org", "partyId", "halmstad");
        String review = secretariat
                .command(
                        p + "/reviews",
                        Map.of(
                                "kind",
                                "ANNUAL_REVIEW",
                                "startsAt",
                                future,
                                "location",
                                "Rådhuset",
                                "reviewers",
                                List.of(reviewer)))
                .json()
                .get("id")
                .asString();
        secretariat.command(
                p + "/reviews/" + review + "/reschedule", Map.of("startsAt", today.plusDays(41) + "T13:00:00+01:00"));
        secretariat.command(p + "/reviews/" + review + "/cancellation", Map.of("reason", "Ersätts av digitalt möte"));
        secretariat.command(
                p + "/reviews",
                Map.of(
                        "kind",
                        "MEETING",
                        "heldOn",
                        "2026-02-10",
                        "location",
                        "Helsingør",
                        "outcome",
                        Map.of("summary", "Arbetsgrupper tillsatta", "decision", "CONTINUE")));
        String second = secretariat
                .command(
                        p + "/reviews",
                        Map.of(
                                "kind",
                                "ANNUAL_REVIEW",
                                "startsAt",
                                TestClock.INSTANCE
                                        .instant()
                                        .plus(Duration.ofHours(1))
                                        .toString(),
                                "location",
                                "Teams",
                                "reviewers",
                                List.of(reviewer)))
                .json()
                .get("id")
                .asString();
        // its outcome once it has begun (rule 7)
        TestClock.INSTANCE.advance(Duration.ofHours(2));
        secretariat.command(
                p + "/reviews/" + second + "/outcome",
                Map.of(
                        "heldOn",
                        BusinessTime.today(TestClock.INSTANCE).toString(),
                        "summary",
                        "Avtalet ska ses över",
                        "decision",
                        "AMEND"));
        secretariat.command(p + "/amendments", Map.of("text", text(V3), "summary", "Besöksnäring tillkommer"));
        for (String party : List.of("halmstad", "laholm", "helsingor")) {
            secretariat.sign(a, party, V3, "2026-02-20");
            if (!party.equals("helsingor")) {
                secretariat.adopt(a, party, V3, "2026-02-20");
            }
        }
        secretariat.command(
                p + "/documents",
                Map.of("title", "Undertecknat avtal", "sha256", V3, "mediaType", "application/pdf", "size", 2048));
        secretariat.command(
                p + "/documents",
                Map.of("title", "Undertecknat avtal 2026", "sha256", V3, "mediaType", "application/pdf", "size", 2048));
        secretariat.command(p + "/links", Map.of("type", "PART_OF", "otherTitle", "Greater Copenhagen"));
        secretariat.command(
                p + "/parties/helsingor/notice", Map.of("givenOn", "2026-02-25", "reason", "Omprioritering"));
        LocalDate ends = today.plusDays(3);
        secretariat.command(
                p + "/termination", Map.of("reason", "Ersätts av nytt avtal", "effectiveOn", ends.toString()));
        passTime(ends.atStartOfDay(BusinessTime.ZONE).plusMinutes(30).toOffsetDateTime());
        secretariat.command(p + "/archival", Map.of());

        String b = secretariat.draft(
                draft(Map.of("startsOn", "2015-03-01", "endsOn", "2016-01-31", "untilFurtherNotice", false)));
        secretariat.submit(b);
        for (String party : List.of("halmstad", "laholm", "helsingor")) {
            secretariat.sign(b, party, V1, "2015-02-20");
            if (!party.equals("helsingor")) {
                secretariat.adopt(b, party, V1, "2015-02-20");
            }
        }
        String c = secretariat.draft(draft(Map.of("untilFurtherNotice", true)));
        secretariat.command("/api/v1/agreements/" + c + "/parties/laholm/removal", Map.of("reason", "Laholm avstår"));
        secretariat.command(
                "/api/v1/agreements/" + c + "/revisions",
                Map.of("text", Map.of("sha256", V1, "title", "Avsiktsförklaring (rättad titel)")));
        secretariat.command("/api/v1/agreements/" + c + "/abandonment", Map.of("reason", "Inte aktuellt"));

        Set<String> seen = new HashSet<>();
        for (String id : List.of(a, b, c)) {
            List<JsonNode> sv = entries(id, "sv");
            List<JsonNode> en = entries(id, "en");
            List<JsonNode> da = entries(id, "da");
            assertThat(sv).hasSize((int) eventsOf(id)).hasSameSizeAs(en).hasSameSizeAs(da);
            for (int i = 0; i < sv.size(); i++) {
                assertThat(sv.get(i).get("type").asString())
                        .isEqualTo(en.get(i).get("type").asString())
                        .isEqualTo(da.get(i).get("type").asString());
                assertThat(sv.get(i).get("summary").asString())
                        .isNotEqualTo(en.get(i).get("summary").asString())
                        .isNotEqualTo(da.get(i).get("summary").asString());
                assertThat(sv.get(i).get("position").asLong()).isPositive();
                seen.add(sv.get(i).get("type").asString());
            }
        }
        Set<String> all = new HashSet<>();
        Arrays.stream(AgreementEvent.class.getPermittedSubclasses()).forEach(t -> all.add(t.getSimpleName()));
        assertThat(seen).as("every event type of the lifecycle").containsExactlyInAnyOrderElementsOf(all);

        List<JsonNode> history = entries(a, "sv");
        JsonNode rejection = history.stream()
                .filter(e -> e.get("summary").asString().contains("avslog"))
                .findFirst()
                .orElseThrow();
        assertThat(rejection.get("summary").asString())
                .isEqualTo(
                        "Kommunstyrelsen i Laholms kommun avslog textversion 2 den 1 december 2025 (KS 2019/1001 § 11).");
        assertThat(rejection.get("reference").asString()).isEqualTo("KS 2019/1001 § 11");
        assertThat(rejection.get("partyId").asString()).isEqualTo("laholm");
        assertThat(rejection.get("actor").asString()).isEqualTo("secretariat");
        assertThat(rejection.get("role").asString()).isEqualTo("SECRETARIAT");
        assertThat(summaries(a, "sv"))
                .anyMatch(s -> s.startsWith("Samverkansavtalet trädde i kraft den 22 januari 2026"));
        assertThat(summaries(a, "en"))
                .anyMatch(s -> s.startsWith("The cooperation agreement entered into force on 22 January 2026"));
        assertThat(summaries(a, "da"))
                .anyMatch(s -> s.startsWith("Samarbejdsaftalen trådte i kraft den 22. januar 2026"));
        assertThat(summaries(a, "sv"))
                .anyMatch(s -> s.contains("Överklagandet av beslutet av Laholms kommun avslogs den 20 januari 2026")
                        && s.endsWith("beslutet står fast.")
                        && !s.contains("laga kraft"));
        assertThat(summaries(b, "sv"))
                .anyMatch(s -> s.equals("Samverkansavtalet löpte ut den 31 januari 2016 när avtalstiden tog slut."));
        assertThat(summaries(a, "en"))
                .anyMatch(s -> s.equals("The cooperation agreement was linked as part of Greater Copenhagen."));
    }

    @Test
    void theHistoryIsForTheSecretariatAndAuditorsAndAnUnknownAgreementIs404() {
        secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.halmstadDraft());
        assertThat(secretariat
                        .read("reviewer", "/api/v1/agreements/" + id + "/history")
                        .status())
                .isEqualTo(403);
        assertThat(secretariat
                        .read("auditor", "/api/v1/agreements/" + id + "/history")
                        .status())
                .isEqualTo(200);
        assertThat(api.as("auditor")
                        .get("/api/v1/agreements/" + id + "/history?lang=de")
                        .status())
                .isEqualTo(400);
        assertThat(api.as("auditor")
                        .get("/api/v1/agreements/00000000-0000-4000-8000-000000000000/history")
                        .status())
                .isEqualTo(404);
    }

    private List<JsonNode> entries(String id, String language) {
        JsonNode history = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/history?lang=" + language)
                .json();
        List<JsonNode> entries = new ArrayList<>();
        history.get("entries").forEach(entries::add);
        return entries;
    }

    private List<String> summaries(String id, String language) {
        return entries(id, language).stream()
                .map(e -> e.get("summary").asString())
                .toList();
    }
}
