package se.coop.command.agreement;

import static se.coop.command.agreement.Refusal.refused;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.coop.api.AppealOutcome;
import se.coop.api.DecisionId;
import se.coop.api.ErrorCode;
import se.coop.api.PartyId;
import se.coop.rules.AppealStep;
import se.coop.rules.Approvals;

/**
 * Every board decision recorded on the agreement, and the appeals against the Swedish ones (rule 12): lodged, then
 * dismissed (the decision stands; another appeal may be lodged while the window is open) or annulled (the adoption no
 * longer counts, for good).
 */
final class Appeals {

    /** A decision as recorded, whatever text it named. */
    record Decision(PartyId partyId, String textSha256, LocalDate decidedOn, LocalDate lastDayToAppeal) {}

    private final Map<DecisionId, Decision> decisions = new HashMap<>();
    private final Map<DecisionId, List<AppealStep>> steps = new HashMap<>();

    Decision requireDecision(DecisionId decisionId) {
        Decision decision = decisions.get(decisionId);
        if (decision == null) {
            throw refused(ErrorCode.DECISION_NOT_FOUND, "This agreement has no board decision " + decisionId + ".");
        }
        return decision;
    }

    boolean known(DecisionId decisionId) {
        return decisions.containsKey(decisionId);
    }

    /**
     * Rule 12: whether the step can be recorded — and false when it is already the state of the appeal (an appeal
     * lodged twice is one appeal).
     */
    boolean requireRecordable(DecisionId decisionId, AppealOutcome outcome, LocalDate on) {
        Decision decision = decisions.get(decisionId);
        if (on.isBefore(decision.decidedOn())) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "An appeal cannot be " + outcome + " on " + on + ", before the decision it appeals was made ("
                            + decision.decidedOn() + ").",
                    "on");
        }
        List<AppealStep> history = steps.getOrDefault(decisionId, List.of());
        AppealStep last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (Approvals.annulled(history)) {
            throw refused(
                    ErrorCode.APPEAL_ALREADY_DECIDED,
                    "The decision was annulled on " + last.on() + "; nothing more can be appealed.");
        }
        if (last != null && on.isBefore(last.on())) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "The appeal was " + last.outcome() + " on " + last.on() + "; it cannot be " + outcome
                            + " before that (" + on + ").",
                    "on");
        }
        boolean pending = last != null && last.outcome() == AppealOutcome.LODGED;
        if (outcome == AppealOutcome.LODGED) {
            if (pending) {
                return false;
            }
            if (decision.lastDayToAppeal() != null && on.isAfter(decision.lastDayToAppeal())) {
                throw refused(
                        ErrorCode.APPEAL_WINDOW_CLOSED,
                        "The last day to appeal this decision was " + decision.lastDayToAppeal()
                                + " (three weeks from the posting of the minutes, rule 12); an appeal lodged on " + on
                                + " is too late to stop it becoming legally final.",
                        "on");
            }
            return true;
        }
        if (!pending) {
            throw refused(
                    last == null ? ErrorCode.NO_APPEAL_LODGED : ErrorCode.APPEAL_ALREADY_DECIDED,
                    last == null
                            ? "No appeal against this decision has been recorded as lodged, so it cannot be " + outcome
                                    + "."
                            : "The appeal against this decision was already " + last.outcome() + " on " + last.on()
                                    + "; lodge a new appeal first.");
        }
        return true;
    }

    List<AppealStep> against(DecisionId decisionId) {
        return steps.getOrDefault(decisionId, List.of());
    }

    Map<String, List<AppealStep>> byDecision() {
        Map<String, List<AppealStep>> all = new HashMap<>();
        steps.forEach((id, list) -> all.put(id.toString(), List.copyOf(list)));
        return all;
    }

    // ------------------------------------------------------------------ what the events say

    void decided(DecisionId decisionId, Decision decision) {
        decisions.put(decisionId, decision);
    }

    void appealed(DecisionId decisionId, AppealStep step) {
        steps.computeIfAbsent(decisionId, id -> new ArrayList<>()).add(step);
    }
}
