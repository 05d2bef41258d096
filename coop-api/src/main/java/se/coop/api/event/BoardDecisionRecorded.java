package se.coop.api.event;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.AmendmentId;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.DocumentRef;
import se.coop.api.PartyId;

/**
 * A party's board decided on a text version. {@code counts} is false when it names an earlier version or comes from
 * another body than the party's adopting body; {@code appealWindowEndsOn} is the last day to appeal a Swedish decision
 * (rule 12); {@code document} is the minutes extract or decision notice it rests on, where one was named (revision 1
 * named none).
 */
@Revision("2")
public record BoardDecisionRecorded(
        AgreementId agreementId,
        DecisionId decisionId,
        PartyId partyId,
        String textSha256,
        int textVersion,
        AmendmentId amendmentId,
        boolean counts,
        String body,
        LocalDate decidedOn,
        String caseNumber,
        String paragraph,
        BoardOutcome outcome,
        List<String> dissents,
        LocalDate minutesPostedOn,
        LocalDate appealWindowEndsOn,
        DocumentRef document)
        implements AgreementEvent {}
