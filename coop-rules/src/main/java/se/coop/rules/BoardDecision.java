package se.coop.rules;

import java.time.LocalDate;
import se.coop.api.BoardOutcome;

/**
 * A board decision that counts for a text version (rule 3: it names that version; rule 11: by the party's own
 * adopting body): its outcome, the day it was decided, its place among the agreement's decisions (to order decisions
 * of one day), and — for a Swedish decision whose minutes were posted — the last day to appeal it (rule 12).
 */
public record BoardDecision(
        String decisionId, BoardOutcome outcome, LocalDate decidedOn, long order, LocalDate lastDayToAppeal) {

    /**
     * Rule 11: whether a decision by {@code body} is one of the party's own adopting body {@code adoptingBody} —
     * compared without regard to case and spacing. Only such a decision counts.
     */
    public static boolean byOwnBody(String body, String adoptingBody) {
        return normalize(body).equals(normalize(adoptingBody));
    }

    private static String normalize(String body) {
        return body == null ? "" : body.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
