package se.coop.command.web.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import se.coop.api.AgreementId;
import se.coop.api.AgreementText;
import se.coop.api.FocusArea;
import se.coop.api.LocalizedText;
import se.coop.api.Term;
import se.coop.api.command.ReviseDraft;
import se.coop.api.input.Distinct;
import se.coop.api.input.Multiline;

public record ReviseDraftRequest(
        @NotNull @Valid AgreementText text,
        @Valid LocalizedText title,
        @Size(max = 50) @Distinct List<@NotNull @Valid FocusArea> focusAreas,
        @Valid Term term,
        @Size(max = 2000) @Multiline String note) {

    public ReviseDraft toCommand(AgreementId agreementId) {
        return new ReviseDraft(agreementId, text, title, focusAreas, term, note);
    }
}
