package se.coop.command.web.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import se.coop.api.AgreementId;
import se.coop.api.DocumentRef;
import se.coop.api.PartyId;
import se.coop.api.Signatory;
import se.coop.api.ValueChecks;
import se.coop.api.command.SignAgreement;

public record SignAgreementRequest(
        @NotNull PartyId partyId,

        @NotNull @Pattern(regexp = ValueChecks.SHA256_REGEX, message = "must be a SHA-256: 64 hexadecimal digits")
        String textSha256,

        @NotNull @Valid Signatory signatory,
        @NotNull LocalDate signedOn,
        @Size(max = 200) String place,
        @Valid DocumentRef document) {

    public SignAgreement toCommand(AgreementId agreementId) {
        return new SignAgreement(agreementId, partyId, textSha256, signatory, signedOn, place, document);
    }
}
