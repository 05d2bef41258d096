package se.coop.app.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies for the Halmstad letter of intent (seed 003): Halmstad leads Laholm, Hylte, Ljungby, Båstad,
 * Falkenberg and Högskolan i Halmstad; each signs and its board adopts.
 */
public final class Bodies {

    public static final String TEXT_V1 = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";
    public static final String TEXT_V2 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static final List<String> PARTIES =
            List.of("halmstad", "laholm", "hylte", "ljungby", "bastad", "falkenberg", "hogskolan-i-halmstad");

    private static final Map<String, String> NAMES = Map.of(
            "halmstad", "Halmstads kommun",
            "laholm", "Laholms kommun",
            "hylte", "Hylte kommun",
            "ljungby", "Ljungby kommun",
            "bastad", "Båstads kommun",
            "falkenberg", "Falkenbergs kommun",
            "hogskolan-i-halmstad", "Högskolan i Halmstad");

    private Bodies() {}

    /** The name of one of {@link #PARTIES}. */
    public static String name(String party) {
        return NAMES.get(party);
    }

    public static Map<String, Object> halmstadDraft() {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (String party : PARTIES) {
            boolean university = party.startsWith("hogskolan");
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("partyId", party);
            p.put("name", NAMES.get(party));
            p.put("kind", university ? "UNIVERSITY" : "MUNICIPALITY");
            p.put("country", "SE");
            p.put("adoptingBody", university ? "Högskolestyrelsen" : "Kommunstyrelsen");
            p.put("lead", party.equals("halmstad"));
            parties.add(p);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", Map.of("sv", "Avsiktsförklaring om samverkan för hållbar tillväxt i Halmstadsregionen"));
        body.put("kind", "LETTER_OF_INTENT");
        body.put("binding", false);
        body.put("parties", parties);
        body.put(
                "focusAreas",
                List.of(
                        Map.of("code", "kompetens", "title", Map.of("sv", "Kompetensförsörjning")),
                        Map.of("code", "naringsliv", "title", Map.of("sv", "Näringslivsutveckling")),
                        Map.of("code", "valfard", "title", Map.of("sv", "Framtidens välfärd"))));
        body.put("term", Map.of("untilFurtherNotice", true, "noticePeriodMonths", 6));
        body.put("text", text(TEXT_V1));
        return body;
    }

    /** Halmstad and Laholm only: the shortest way to an agreement in force. */
    public static Map<String, Object> twoPartyDraft() {
        Map<String, Object> body = new LinkedHashMap<>(halmstadDraft());
        body.put("parties", ((List<?>) body.get("parties")).subList(0, 2));
        return body;
    }

    public static Map<String, Object> text(String sha256) {
        return Map.of("sha256", sha256, "title", "Avsiktsförklaring", "mediaType", "application/pdf", "size", 182_044);
    }

    public static Map<String, Object> signature(String party, String sha, String signedOn) {
        return Map.of(
                "partyId", party,
                "textSha256", sha,
                "signatory", Map.of("name", "Ordförande i " + NAMES.get(party), "title", "ordförande"),
                "signedOn", signedOn);
    }

    /** An annual review meeting at {@code startsAt}, in {@code location}, with one reviewer of {@code party}. */
    public static Map<String, Object> review(
            String startsAt, String location, String reviewerName, String reviewerEmail, String party) {
        return Map.of(
                "kind",
                "ANNUAL_REVIEW",
                "startsAt",
                startsAt,
                "location",
                location,
                "reviewers",
                List.of(Map.of("name", reviewerName, "email", reviewerEmail, "partyId", party)));
    }

    public static Map<String, Object> adoption(String party, String sha, String decidedOn) {
        return decision(party, sha, decidedOn, "ADOPTED");
    }

    public static Map<String, Object> decision(String party, String sha, String decidedOn, String outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partyId", party);
        body.put("textSha256", sha);
        body.put("body", party.startsWith("hogskolan") ? "Högskolestyrelsen" : "Kommunstyrelsen");
        body.put("decidedOn", decidedOn);
        body.put("caseNumber", "KS 2019/" + (1000 + PARTIES.indexOf(party)));
        body.put("paragraph", "§ " + (10 + PARTIES.indexOf(party)));
        body.put("outcome", outcome);
        return body;
    }
}
