package se.coop.command.web.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import se.coop.api.AgreementId;
import se.coop.api.DocumentRef;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.command.RecordReviewOutcome;
import se.coop.api.input.Multiline;

public record RecordReviewOutcomeRequest(
        @NotNull LocalDate heldOn,
        @NotBlank @Size(max = 4000) @Multiline String summary,
        @NotNull ReviewDecision decision,
        @Valid DocumentRef document) {

    public RecordReviewOutcome toCommand(AgreementId agreementId, ReviewId reviewId) {
        return new RecordReviewOutcome(agreementId, reviewId, heldOn, summary, decision, document);
    }
}
