package se.coop.command.web.request;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import se.coop.api.AgreementId;
import se.coop.api.AppealOutcome;
import se.coop.api.DecisionId;
import se.coop.api.command.RecordAppeal;

public record RecordAppealRequest(
        @NotNull AppealOutcome outcome,
        @NotNull LocalDate on,
        @Size(max = 200) String court,
        @Size(max = 100) String caseNumber) {

    public RecordAppeal toCommand(AgreementId agreementId, DecisionId decisionId) {
        return new RecordAppeal(agreementId, decisionId, outcome, on, court, caseNumber);
    }
}
