package se.coop.api.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.AppealOutcome;
import se.coop.api.DecisionId;

/** Records where an appeal against a Swedish board decision stands (rule 12). */
public record RecordAppeal(
        @TargetAggregateIdentifier AgreementId agreementId,
        DecisionId decisionId,
        AppealOutcome outcome,
        LocalDate on,
        String court,
        String caseNumber) {}
