package se.coop.command.agreement;

import static se.coop.command.agreement.Refusal.refused;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.coop.api.ErrorCode;
import se.coop.api.Participant;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.rules.Membership;

/** The parties of an agreement as drafted, and their leaving: notice given, left on a day, or removed (rules 1, 7). */
final class Parties {

    private final Map<PartyId, Party> drafted = new LinkedHashMap<>();
    private final Map<PartyId, LocalDate> leavesOn = new HashMap<>();
    private final Map<PartyId, LocalDate> leftOn = new HashMap<>();
    private final Set<PartyId> removed = new HashSet<>();

    /** Rule 1: at least two parties, each id once, exactly one lead. */
    static void requireValid(List<Party> parties) {
        if (parties == null || Membership.tooFew(parties.size())) {
            throw refused(ErrorCode.TOO_FEW_PARTIES, "An agreement needs at least two parties (rule 1).", "parties");
        }
        Set<PartyId> seen = new HashSet<>();
        for (Party party : parties) {
            if (!seen.add(party.partyId())) {
                throw refused(
                        ErrorCode.DUPLICATE_PARTY,
                        "Party id '" + party.partyId() + "' is given twice; party ids must be unique (rule 1).",
                        "parties");
            }
        }
        long leads = parties.stream().filter(Party::lead).count();
        if (leads != 1) {
            throw refused(
                    ErrorCode.LEAD_PARTY_REQUIRED,
                    "Exactly one party must lead the agreement (rule 1); " + leads + " are marked as lead.",
                    "parties");
        }
    }

    /** Rule 1: a party that acts must be one of the agreement's, and still in it. */
    Party requireActive(PartyId partyId, boolean namedInPath) {
        Party party = drafted.get(partyId);
        if (party == null) {
            throw refused(
                    namedInPath ? ErrorCode.PARTY_NOT_FOUND : ErrorCode.PARTY_NOT_IN_AGREEMENT,
                    "'" + partyId + "' is not a party to this agreement (parties: "
                            + active().stream().map(p -> p.partyId().toString()).collect(Collectors.joining(", "))
                            + ").",
                    namedInPath ? null : "partyId");
        }
        if (departed(partyId)) {
            throw refused(
                    ErrorCode.PARTY_NO_LONGER_IN_AGREEMENT,
                    "Party '" + partyId + "' has left or been removed from this agreement.",
                    namedInPath ? null : "partyId");
        }
        return party;
    }

    /** Rule 1: the lead coordinates, so it cannot leave; it ends the agreement instead. */
    static void requireNotLead(Party party, String what) {
        if (party.lead()) {
            throw refused(
                    ErrorCode.LEAD_PARTY_CANNOT_LEAVE,
                    "Party '" + party.partyId() + "' leads the agreement and cannot " + what + ".");
        }
    }

    void requireNoNoticeGiven(Party party) {
        if (leavesOn.containsKey(party.partyId())) {
            throw refused(ErrorCode.NOTICE_ALREADY_GIVEN, "Party '" + party.partyId() + "' has already given notice.");
        }
    }

    /** Rule 1: removing a party may not leave fewer than two. */
    void requireRemovable(Party party) {
        requireNotLead(party, "be removed");
        if (Membership.tooFew(active().size() - 1)) {
            throw refused(
                    ErrorCode.TOO_FEW_PARTIES,
                    "Removing '" + party.partyId() + "' would leave fewer than two parties (rule 1).");
        }
    }

    /**
     * Rule 7: the reviewers of a meeting to come represent parties that are in the agreement — and still will be on
     * the day it meets: a party that has given notice leaves on a day. {@code field} names where the meeting's
     * reviewers are (a moved meeting keeps its reviewers, so its new time is at fault).
     */
    void requireReviewersRepresentActiveParties(List<Participant> reviewers, LocalDate meetingDay, String field) {
        for (int i = 0; i < reviewers.size(); i++) {
            PartyId party = reviewers.get(i).partyId();
            String at = field != null ? field : "reviewers[" + i + "].partyId";
            requireDrafted(reviewers.get(i), i);
            if (departed(party)) {
                throw refused(
                        ErrorCode.PARTY_NO_LONGER_IN_AGREEMENT,
                        "Reviewer " + reviewers.get(i).name() + " represents '" + party
                                + "', which is no longer a party to this agreement.",
                        at);
            }
            LocalDate leaves = leavesOn.get(party);
            if (leaves != null && !meetingDay.isBefore(leaves)) {
                throw refused(
                        ErrorCode.PARTY_NO_LONGER_IN_AGREEMENT,
                        "Reviewer " + reviewers.get(i).name() + " represents '" + party + "', which leaves the"
                                + " agreement on " + leaves + ", before the meeting on " + meetingDay + " (rule 7).",
                        at);
            }
        }
    }

    /**
     * Rule 7: the reviewers of a meeting that took place represent parties that were in the agreement that day: a
     * party that left later still was.
     */
    void requireReviewersWereParties(List<Participant> reviewers, LocalDate heldOn) {
        for (int i = 0; i < reviewers.size(); i++) {
            PartyId party = reviewers.get(i).partyId();
            requireDrafted(reviewers.get(i), i);
            LocalDate left = leftOn.get(party);
            if (removed.contains(party) || (left != null && !left.isAfter(heldOn))) {
                throw refused(
                        ErrorCode.PARTY_NO_LONGER_IN_AGREEMENT,
                        "Reviewer " + reviewers.get(i).name() + " represents '" + party + "', which was no party to"
                                + " this agreement on " + heldOn + ".",
                        "reviewers[" + i + "].partyId");
            }
        }
    }

    private void requireDrafted(Participant reviewer, int index) {
        if (!drafted.containsKey(reviewer.partyId())) {
            throw refused(
                    ErrorCode.PARTY_NOT_IN_AGREEMENT,
                    "Reviewer " + reviewer.name() + " represents '" + reviewer.partyId()
                            + "', which is not a party to this agreement.",
                    "reviewers[" + index + "].partyId");
        }
    }

    /** A party as drafted, whether or not it is still in the agreement. */
    Party drafted(PartyId partyId) {
        return drafted.get(partyId);
    }

    Collection<Party> active() {
        return drafted.values().stream().filter(p -> !departed(p.partyId())).toList();
    }

    boolean departed(PartyId party) {
        return leftOn.containsKey(party) || removed.contains(party);
    }

    LocalDate leavesOn(PartyId party) {
        return leavesOn.get(party);
    }

    /** Rule 1 ({@link Membership}): the day the notices given end the agreement, or null when enough parties stay. */
    LocalDate endedByNotices() {
        List<LocalDate> leaving = leavesOn.entrySet().stream()
                .filter(e -> !departed(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        return Membership.endedByNotices(active().size(), leaving).orElse(null);
    }

    // ------------------------------------------------------------------ what the events say

    void drafted(List<Party> parties) {
        parties.forEach(p -> drafted.put(p.partyId(), p));
    }

    void noticeGiven(PartyId party, LocalDate on) {
        leavesOn.put(party, on);
    }

    void left(PartyId party, LocalDate on) {
        leftOn.put(party, on);
    }

    void removed(PartyId party) {
        removed.add(party);
    }
}
