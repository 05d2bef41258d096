package se.coop.api.query;

import java.time.LocalDate;
import se.coop.api.BoardOutcome;

/** A board decision as the status view shows it: which body decided what, when, under which case number. */
public record DecisionView(
        String decisionId,
        String body,
        BoardOutcome outcome,
        LocalDate decidedOn,
        String caseNumber,
        String paragraph) {}
