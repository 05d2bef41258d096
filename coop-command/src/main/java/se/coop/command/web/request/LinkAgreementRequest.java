package se.coop.command.web.request;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.coop.api.AgreementId;
import se.coop.api.LinkType;
import se.coop.api.command.LinkAgreement;
import se.coop.command.web.InvalidRequestException;

/** Names the other cooperation by its id in Coop, or by its title when it is not in Coop (e.g. Skåne Nordost). */
public record LinkAgreementRequest(
        @NotNull LinkType type,
        AgreementId otherAgreementId,
        @Size(max = 500) String otherTitle) {

    public LinkAgreement toCommand(AgreementId agreementId) {
        if (otherAgreementId == null && (otherTitle == null || otherTitle.isBlank())) {
            throw new InvalidRequestException(
                    "otherAgreementId", "name the other cooperation by otherAgreementId or otherTitle");
        }
        return new LinkAgreement(agreementId, type, otherAgreementId, otherTitle);
    }
}
