package se.coop.command.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.coop.api.AmendmentId;
import se.coop.api.AppealOutcome;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.Party;
import se.coop.api.PartyId;

/**
 * The approvals given for one text version: the submitted text, or a proposed amendment. Only approvals that count
 * (rule 3: naming this version; rule 4: from the party's own adopting body) are kept here.
 */
final class ApprovalRound {

    /** A board decision that counts for this round; {@code order} breaks ties between decisions of one day. */
    record CountedDecision(
            DecisionId decisionId,
            BoardOutcome outcome,
            LocalDate decidedOn,
            long order,
            LocalDate appealWindowEndsOn) {}

    /** Where an appeal against a decision stands, and since when. */
    record Appeal(AppealOutcome outcome, LocalDate on) {}

    private final String sha256;
    private final int textVersion;
    private final AmendmentId amendmentId;
    private final Map<PartyId, LocalDate> signedOn = new HashMap<>();
    private final Map<PartyId, List<CountedDecision>> decisions = new HashMap<>();

    ApprovalRound(String sha256, int textVersion, AmendmentId amendmentId) {
        this.sha256 = sha256;
        this.textVersion = textVersion;
        this.amendmentId = amendmentId;
    }

    String sha256() {
        return sha256;
    }

    int textVersion() {
        return textVersion;
    }

    AmendmentId amendmentId() {
        return amendmentId;
    }

    void signed(PartyId party, LocalDate on) {
        signedOn.putIfAbsent(party, on);
    }

    void decided(PartyId party, CountedDecision decision) {
        decisions.computeIfAbsent(party, p -> new ArrayList<>()).add(decision);
    }

    void forget(PartyId party) {
        signedOn.remove(party);
        decisions.remove(party);
    }

    /** Rule 4: the latest decision of the party's body on this text is the one that counts. */
    Optional<CountedDecision> latestDecision(PartyId party) {
        return decisions.getOrDefault(party, List.of()).stream()
                .max(Comparator.comparing(CountedDecision::decidedOn).thenComparingLong(CountedDecision::order));
    }

    /** The parties that have given any approval in this round, in drafting order of {@code parties}. */
    List<PartyId> partiesWithApprovals(Collection<Party> parties) {
        Set<PartyId> approved = new LinkedHashSet<>();
        for (Party party : parties) {
            if (signedOn.containsKey(party.partyId()) || decisions.containsKey(party.partyId())) {
                approved.add(party.partyId());
            }
        }
        return List.copyOf(approved);
    }

    /**
     * The day on which every one of {@code parties} had given every approval it requires, or empty while one is
     * missing. With {@code waitForLegalForce}, a Swedish adoption counts only from the day it became legally final.
     */
    Optional<LocalDate> completedOn(
            Collection<Party> parties, boolean waitForLegalForce, Map<DecisionId, Appeal> appeals, LocalDate today) {
        LocalDate completed = LocalDate.MIN;
        for (Party party : parties) {
            Optional<LocalDate> approved = approvedOn(party, waitForLegalForce, appeals, today);
            if (approved.isEmpty()) {
                return Optional.empty();
            }
            completed = later(completed, approved.get());
        }
        return Optional.of(completed);
    }

    private Optional<LocalDate> approvedOn(
            Party party, boolean waitForLegalForce, Map<DecisionId, Appeal> appeals, LocalDate today) {
        Optional<CountedDecision> latest = latestDecision(party.partyId());
        if (latest.isPresent() && latest.get().outcome() == BoardOutcome.REJECTED) {
            return Optional.empty();
        }
        LocalDate approved = LocalDate.MIN;
        if (party.requiresSignature()) {
            LocalDate signed = signedOn.get(party.partyId());
            if (signed == null) {
                return Optional.empty();
            }
            approved = later(approved, signed);
        }
        if (party.requiresBoardAdoption()) {
            if (latest.isEmpty() || latest.get().outcome() != BoardOutcome.ADOPTED) {
                return Optional.empty();
            }
            CountedDecision adoption = latest.get();
            Appeal appeal = appeals.get(adoption.decisionId());
            if (appeal != null && appeal.outcome() == AppealOutcome.ANNULLED) {
                return Optional.empty();
            }
            approved = later(approved, adoption.decidedOn());
            if (waitForLegalForce && party.inSweden()) {
                LocalDate legallyFinal = legallyFinalOn(adoption, appeal);
                if (legallyFinal == null || legallyFinal.isAfter(today)) {
                    return Optional.empty();
                }
                approved = later(approved, legallyFinal);
            }
        }
        return Optional.of(approved);
    }

    /**
     * Rule 12: the first day a Swedish decision is legally final (laga kraft) — the day after its appeal window, or
     * the day an appeal was dismissed; null while that is not known (minutes not posted, appeal pending) or never
     * (annulled).
     */
    static LocalDate legallyFinalOn(CountedDecision decision, Appeal appeal) {
        if (appeal != null) {
            return switch (appeal.outcome()) {
                case DISMISSED -> appeal.on();
                case LODGED, ANNULLED -> null;
            };
        }
        return decision.appealWindowEndsOn() == null
                ? null
                : decision.appealWindowEndsOn().plusDays(1);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
