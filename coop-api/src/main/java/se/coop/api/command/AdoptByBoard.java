package se.coop.api.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.DocumentRef;
import se.coop.api.PartyId;

/**
 * Records a decision of a party's board on the text version named by its SHA-256, whatever its outcome (rules 3, 4, 5,
 * 11, 12), resting on the minutes extract (or decision notice) named by {@code document} where one is given.
 */
public record AdoptByBoard(
        @TargetAggregateIdentifier AgreementId agreementId,
        DecisionId decisionId,
        PartyId partyId,
        String textSha256,
        String body,
        LocalDate decidedOn,
        String caseNumber,
        String paragraph,
        BoardOutcome outcome,
        List<String> dissents,
        LocalDate minutesPostedOn,
        DocumentRef document) {}
