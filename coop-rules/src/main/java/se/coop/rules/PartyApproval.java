package se.coop.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one party must give for a text version (rule 2: a signature, a board adoption, or both) and what it has given:
 * the day it signed (the first signature counts), every counted decision of its body, and the appeals against them by
 * decision id. {@code swedish}: whether its decisions can be appealed and become legally final (rule 12).
 */
public record PartyApproval(
        boolean requiresSignature,
        boolean requiresBoardAdoption,
        boolean swedish,
        LocalDate signedOn,
        List<BoardDecision> decisions,
        Map<String, List<AppealStep>> appeals) {

    public PartyApproval {
        decisions = List.copyOf(decisions);
        appeals = Map.copyOf(appeals);
    }

    public List<AppealStep> appealsAgainst(BoardDecision decision) {
        return appeals.getOrDefault(decision.decisionId(), List.of());
    }
}
