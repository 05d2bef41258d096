package se.coop.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import se.coop.api.AppealOutcome;
import se.coop.api.BoardOutcome;

/**
 * The approval rules of docs/domain.md, once: which decision counts, what blocks, when a party's approval is
 * complete, when a decision is legally final, and so when an agreement (or an amendment) enters into force.
 */
public final class Approvals {

    private Approvals() {}

    /**
     * Rule 4: of a party's counted decisions on a text, the latest adoption or rejection (by its day, then as recorded)
     * is the one that counts; a referral back or a tabling changes nothing.
     */
    public static Optional<BoardDecision> counting(List<BoardDecision> decisions) {
        return latest(decisions.stream()
                .filter(d -> d.outcome() == BoardOutcome.ADOPTED || d.outcome() == BoardOutcome.REJECTED)
                .toList());
    }

    /** The latest of the decisions, whatever its outcome (by its day, then as recorded). */
    public static Optional<BoardDecision> latest(List<BoardDecision> decisions) {
        return decisions.stream()
                .max(Comparator.comparing(BoardDecision::decidedOn).thenComparingLong(BoardDecision::order));
    }

    /** Rule 4: a party whose counting decision is a rejection blocks entry into force. */
    public static boolean blocks(PartyApproval party) {
        return counting(party.decisions())
                .map(d -> d.outcome() == BoardOutcome.REJECTED)
                .orElse(false);
    }

    /** Rule 12: an annulled adoption no longer counts. */
    public static boolean annulled(List<AppealStep> appeals) {
        return appeals.stream().anyMatch(step -> step.outcome() == AppealOutcome.ANNULLED);
    }

    /**
     * Rule 12: a Swedish decision is legally final from the later of the day after its last day to appeal and the day
     * its last appeal was dismissed — not while an appeal is lodged and not ruled on, not before its minutes are
     * posted, never once annulled.
     */
    public static Finality finality(BoardDecision decision, List<AppealStep> appeals) {
        if (annulled(appeals)) {
            return Finality.of(Finality.Kind.ANNULLED);
        }
        if (!appeals.isEmpty() && appeals.get(appeals.size() - 1).outcome() == AppealOutcome.LODGED) {
            return Finality.of(Finality.Kind.PENDING);
        }
        if (decision.lastDayToAppeal() == null) {
            return Finality.of(Finality.Kind.UNKNOWN);
        }
        LocalDate from = decision.lastDayToAppeal().plusDays(1);
        for (AppealStep step : appeals) {
            if (step.outcome() == AppealOutcome.DISMISSED && step.on().isAfter(from)) {
                from = step.on();
            }
        }
        return Finality.finalFrom(from);
    }

    /**
     * Rules 2, 4 and 12: the day a party had given every approval it requires for a text — its signature, and its
     * board's adoption that counts (not annulled; with {@code waitForLegalForce}, a Swedish adoption only from the day
     * it is legally final, and not before {@code today}) — or empty while one is missing or its board rejected.
     */
    public static Optional<LocalDate> approvedOn(PartyApproval party, boolean waitForLegalForce, LocalDate today) {
        if (blocks(party)) {
            return Optional.empty();
        }
        Optional<BoardDecision> counting = counting(party.decisions());
        LocalDate approved = LocalDate.MIN;
        if (party.requiresSignature()) {
            if (party.signedOn() == null) {
                return Optional.empty();
            }
            approved = later(approved, party.signedOn());
        }
        if (party.requiresBoardAdoption()) {
            if (counting.isEmpty() || counting.get().outcome() != BoardOutcome.ADOPTED) {
                return Optional.empty();
            }
            BoardDecision adoption = counting.get();
            List<AppealStep> appeals = party.appealsAgainst(adoption);
            if (annulled(appeals)) {
                return Optional.empty();
            }
            approved = later(approved, adoption.decidedOn());
            if (waitForLegalForce && party.swedish()) {
                Finality finality = finality(adoption, appeals);
                if (!finality.finalOn(today)) {
                    return Optional.empty();
                }
                approved = later(approved, finality.from());
            }
        }
        return Optional.of(approved);
    }

    /** Whether the party has given every approval it requires, legal force aside: what a status shows as approved. */
    public static boolean approved(PartyApproval party) {
        return approvedOn(party, false, LocalDate.MAX).isPresent();
    }

    /**
     * Rules 6 and 8: the day on which every one of {@code parties} had given every approval it requires, or empty while
     * one is missing.
     */
    public static Optional<LocalDate> completedOn(
            Collection<PartyApproval> parties, boolean waitForLegalForce, LocalDate today) {
        LocalDate completed = LocalDate.MIN;
        for (PartyApproval party : parties) {
            Optional<LocalDate> approved = approvedOn(party, waitForLegalForce, today);
            if (approved.isEmpty()) {
                return Optional.empty();
            }
            completed = later(completed, approved.get());
        }
        return Optional.of(completed);
    }

    /**
     * Rule 6: an agreement enters into force on the later of the day its approvals were complete, the day the event
     * that completed them happened ({@code notBefore}: a removal or a departure the day it was recorded), and the
     * agreed start date.
     */
    public static LocalDate effectiveFrom(LocalDate completedOn, LocalDate notBefore, LocalDate startsOn) {
        LocalDate from = later(completedOn, notBefore == null ? completedOn : notBefore);
        return startsOn != null && startsOn.isAfter(from) ? startsOn : from;
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
