package se.coop.api.query;

import java.time.LocalDate;
import java.util.List;
import se.coop.api.AppealOutcome;
import se.coop.api.ApprovalType;
import se.coop.api.PartyKind;

/**
 * One party in the status view: its approvals of the text that counts (the submitted text while awaiting approval,
 * the text in force once in force). {@code legallyFinal} is null for parties without a Swedish appeal clock, and
 * {@code legallyFinalOn} the day the counting adoption became (or becomes) legally final, when that is known;
 * {@code participation} is ACTIVE, LEAVING (notice given), LEFT or REMOVED. {@code councilReportDueOn}: for an
 * avtalssamverkan in force, when this Swedish party's next yearly report to its council is due (KL 9 kap. 38 §).
 */
public record PartyStatusView(
        String partyId,
        String name,
        PartyKind kind,
        String country,
        String adoptingBody,
        boolean lead,
        List<ApprovalType> requires,
        boolean signed,
        LocalDate signedOn,
        boolean adopted,
        DecisionView latestDecision,
        LocalDate appealWindowEndsOn,
        AppealOutcome appeal,
        Boolean legallyFinal,
        LocalDate legallyFinalOn,
        boolean adoptionAnnulled,
        String participation,
        LocalDate leavesOn,
        LocalDate councilReportDueOn) {

    /** Whether the party's approval takes its signature (rule 2). */
    public boolean requiresSignature() {
        return requires != null && requires.contains(se.coop.api.ApprovalType.SIGNATURE);
    }

    /** Whether the party's approval takes its board's decision (rule 2). */
    public boolean requiresBoardAdoption() {
        return requires != null && requires.contains(se.coop.api.ApprovalType.BOARD_ADOPTION);
    }
}
