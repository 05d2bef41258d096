package se.coop.api.query;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.coop.api.AgreementState;

/**
 * What a party still owes an agreement (issue 27, item 3): its board's decision or its signature on the text awaiting
 * approval (rule 2: what its approval requires), or its approval of a pending amendment. Only a party still in the
 * agreement owes anything. The one rule behind the task list of an agreement's page and the register's "to do for my
 * parties" filter.
 */
public enum Owed {
    DECISION,
    SIGNATURE,
    AMENDMENT;

    /** What {@code party} owes {@code view}, in the order a clerk records it. */
    public static Set<Owed> by(AgreementStatusView view, PartyStatusView party) {
        Set<Owed> owed = EnumSet.noneOf(Owed.class);
        if (!"ACTIVE".equals(party.participation()) && !"LEAVING".equals(party.participation())) {
            return owed;
        }
        if (view.state() == AgreementState.AWAITING_APPROVAL) {
            if (party.requiresBoardAdoption() && !party.adopted()) {
                owed.add(DECISION);
            }
            if (party.requiresSignature() && !party.signed()) {
                owed.add(SIGNATURE);
            }
        }
        if (view.pendingAmendment() != null
                && !view.pendingAmendment().approvedBy().contains(party.partyId())) {
            owed.add(AMENDMENT);
        }
        return owed;
    }

    /** The ids of the parties that owe {@code view} something. */
    public static List<String> owing(AgreementStatusView view) {
        List<String> owing = new ArrayList<>();
        for (PartyStatusView party : view.parties()) {
            if (!by(view, party).isEmpty()) {
                owing.add(party.partyId());
            }
        }
        return owing;
    }
}
