package se.coop.app.extract;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.coop.api.BusinessTime;
import se.coop.app.support.Bodies;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;

/** Agreements for the extracts' tests, each with a title of its own so that a filter finds only it. */
final class Fixtures {

    private Fixtures() {}

    static LocalDate today() {
        return BusinessTime.today(TestClock.INSTANCE);
    }

    /** Halmstad and Laholm, with Swedish and Danish letters in the title and a word only this test uses. */
    static Map<String, Object> draft(String word) {
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.twoPartyDraft());
        draft.put(
                "title",
                Map.of(
                        "sv", "Samverkan om Øresund och Kattegatt – " + word,
                        "da", "Samarbejde om Øresund og Kattegat – " + word,
                        "en", "Cooperation on the Øresund, \"Kattegat\", and more – " + word));
        return draft;
    }

    /**
     * An agreement in force since 40 days ago: each party signed, then its Kommunstyrelsen adopted it with a case
     * number, a § and the minutes posted the day after — so each decision has a last day to appeal and is legally
     * final by now.
     */
    static String inForce(Secretariat secretariat, String word) {
        Map<String, Object> draft = draft(word);
        String id = secretariat.draft(draft);
        secretariat.submit(id);
        LocalDate on = today().minusDays(40);
        for (Object p : (List<?>) draft.get("parties")) {
            String party = (String) ((Map<?, ?>) p).get("partyId");
            secretariat.sign(id, party, Bodies.TEXT_V1, on.toString());
            Map<String, Object> adoption = new LinkedHashMap<>(Bodies.adoption(party, Bodies.TEXT_V1, on.toString()));
            adoption.put("minutesPostedOn", on.plusDays(1).toString());
            secretariat.command("/api/v1/agreements/" + id + "/board-decisions", adoption);
        }
        return id;
    }

    /** {@link #inForce}, then terminated today and archived. */
    static String archived(Secretariat secretariat, String word) {
        String id = inForce(secretariat, word);
        secretariat.command(
                "/api/v1/agreements/" + id + "/termination",
                Map.of("reason", "Samarbetet avslutas", "effectiveOn", today().toString()));
        secretariat.command("/api/v1/agreements/" + id + "/archival", Map.of());
        return id;
    }
}
