package se.coop.command.web.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import se.coop.api.AgreementId;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.DocumentRef;
import se.coop.api.PartyId;
import se.coop.api.ValueChecks;
import se.coop.api.command.AdoptByBoard;
import se.coop.api.input.Distinct;
import se.coop.api.input.Multiline;

public record AdoptByBoardRequest(
        @NotNull PartyId partyId,

        @NotNull @Pattern(regexp = ValueChecks.SHA256_REGEX, message = "must be a SHA-256: 64 hexadecimal digits")
        String textSha256,

        @NotBlank @Size(max = 200) String body,
        @NotNull LocalDate decidedOn,
        @NotBlank @Size(max = 100) String caseNumber,
        @Size(max = 50) String paragraph,
        @NotNull BoardOutcome outcome,
        @Size(max = 50) @Distinct @Multiline List<@NotBlank @Size(max = 1000) String> dissents,
        LocalDate minutesPostedOn,
        @Valid DocumentRef document) {

    public AdoptByBoard toCommand(AgreementId agreementId, DecisionId decisionId) {
        return new AdoptByBoard(
                agreementId,
                decisionId,
                partyId,
                textSha256,
                body,
                decidedOn,
                caseNumber,
                paragraph,
                outcome,
                dissents,
                minutesPostedOn,
                document);
    }
}
