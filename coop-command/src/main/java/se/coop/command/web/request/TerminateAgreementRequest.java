package se.coop.command.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import se.coop.api.AgreementId;
import se.coop.api.command.TerminateAgreement;
import se.coop.api.input.Multiline;

public record TerminateAgreementRequest(
        @NotBlank @Size(max = 1000) @Multiline String reason,
        @NotNull LocalDate effectiveOn) {

    public TerminateAgreement toCommand(AgreementId agreementId) {
        return new TerminateAgreement(agreementId, reason, effectiveOn);
    }
}
