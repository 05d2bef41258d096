package se.coop.command.web.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.coop.api.AgreementId;
import se.coop.api.AgreementText;
import se.coop.api.AmendmentId;
import se.coop.api.command.ProposeAmendment;
import se.coop.api.input.Multiline;

public record ProposeAmendmentRequest(
        @NotNull @Valid AgreementText text,
        @Size(max = 2000) @Multiline String summary) {

    public ProposeAmendment toCommand(AgreementId agreementId, AmendmentId amendmentId) {
        return new ProposeAmendment(agreementId, amendmentId, text, summary);
    }
}
