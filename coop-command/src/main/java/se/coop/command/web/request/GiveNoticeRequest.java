package se.coop.command.web.request;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import se.coop.api.AgreementId;
import se.coop.api.PartyId;
import se.coop.api.command.GiveNotice;
import se.coop.api.input.Multiline;

public record GiveNoticeRequest(
        @NotNull LocalDate givenOn,
        @Size(max = 1000) @Multiline String reason) {

    public GiveNotice toCommand(AgreementId agreementId, PartyId partyId) {
        return new GiveNotice(agreementId, partyId, givenOn, reason);
    }
}
