package se.coop.command.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.coop.api.AmendmentId;
import se.coop.api.BoardOutcome;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.rules.Approvals;
import se.coop.rules.BoardDecision;
import se.coop.rules.Finality;
import se.coop.rules.PartyApproval;

/**
 * The approvals given for one text version: the submitted text, or a proposed amendment. Only approvals that count
 * (rule 3: naming this version; rule 11: by the party's own adopting body) are kept here; what they add up to is
 * decided by {@link Approvals}, the rules the status read model shows too.
 */
final class ApprovalRound {

    private final String sha256;
    private final int textVersion;
    private final AmendmentId amendmentId;
    private final Map<PartyId, LocalDate> signedOn = new HashMap<>();
    private final Map<PartyId, List<BoardDecision>> decisions = new HashMap<>();

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

    /** The parties that have given any approval in this round, in the order of {@code parties}. */
    List<PartyId> partiesWithApprovals(Collection<Party> parties) {
        Set<PartyId> approved = new LinkedHashSet<>();
        for (Party party : parties) {
            if (signedOn.containsKey(party.partyId()) || decisions.containsKey(party.partyId())) {
                approved.add(party.partyId());
            }
        }
        return List.copyOf(approved);
    }

    /** Rules 6 and 8: the day every one of {@code parties} had given all it requires, or empty while one is missing. */
    Optional<LocalDate> completedOn(
            Collection<Party> parties, boolean waitForLegalForce, Appeals appeals, LocalDate today) {
        List<PartyApproval> approvals = new ArrayList<>();
        for (Party party : parties) {
            approvals.add(approvalOf(party, appeals));
        }
        return Approvals.completedOn(approvals, waitForLegalForce, today);
    }

    /**
     * Rule 12: the days to come on which counted Swedish adoptions become legally final — when an agreement that
     * waits for legal force must look again.
     */
    Set<LocalDate> legallyFinalDaysAfter(Collection<Party> parties, Appeals appeals, LocalDate today) {
        Set<LocalDate> days = new LinkedHashSet<>();
        for (Party party : parties) {
            if (!party.inSweden()) {
                continue;
            }
            PartyApproval approval = approvalOf(party, appeals);
            Approvals.counting(approval.decisions())
                    .filter(d -> d.outcome() == BoardOutcome.ADOPTED)
                    .map(d -> Approvals.finality(d, approval.appealsAgainst(d)))
                    .filter(f -> f.kind() == Finality.Kind.FINAL && f.from().isAfter(today))
                    .ifPresent(f -> days.add(f.from()));
        }
        return days;
    }

    /** What the round holds of one party, for {@link Agreement#facts}: approved, and its adoption final from. */
    Agreement.PartyFacts factsOf(Party party, Appeals appeals) {
        PartyApproval approval = approvalOf(party, appeals);
        LocalDate finalFrom = Approvals.counting(approval.decisions())
                .filter(d -> d.outcome() == BoardOutcome.ADOPTED && party.inSweden())
                .map(d -> Approvals.finality(d, approval.appealsAgainst(d)))
                .filter(f -> f.kind() == Finality.Kind.FINAL)
                .map(Finality::from)
                .orElse(null);
        return new Agreement.PartyFacts(Approvals.approved(approval), finalFrom);
    }

    private PartyApproval approvalOf(Party party, Appeals appeals) {
        return new PartyApproval(
                party.requiresSignature(),
                party.requiresBoardAdoption(),
                party.inSweden(),
                signedOn.get(party.partyId()),
                decisions.getOrDefault(party.partyId(), List.of()),
                appeals.byDecision());
    }

    // ------------------------------------------------------------------ what the events say

    void signed(PartyId party, LocalDate on) {
        signedOn.putIfAbsent(party, on);
    }

    void decided(PartyId party, BoardDecision decision) {
        decisions.computeIfAbsent(party, p -> new ArrayList<>()).add(decision);
    }

    void forget(PartyId party) {
        signedOn.remove(party);
        decisions.remove(party);
    }
}
