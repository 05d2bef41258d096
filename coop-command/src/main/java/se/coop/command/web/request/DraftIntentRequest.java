package se.coop.command.web.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import se.coop.api.AgreementId;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementText;
import se.coop.api.FocusArea;
import se.coop.api.Funding;
import se.coop.api.LocalizedText;
import se.coop.api.Party;
import se.coop.api.Term;
import se.coop.api.command.DraftIntent;
import se.coop.api.input.Distinct;

public record DraftIntentRequest(
        @NotNull @Valid LocalizedText title,
        @NotNull AgreementKind kind,
        @NotNull Boolean binding,
        @NotNull @Size(max = 100) List<@NotNull @Valid Party> parties,
        @Size(max = 50) @Distinct List<@NotNull @Valid FocusArea> focusAreas,
        @NotNull @Valid Term term,
        @Min(1) @Max(60) Integer reviewCadenceMonths,
        @Size(min = 1, max = 10) @Distinct List<@NotNull @Min(0) @Max(365) Integer> reminderOffsetsDays,
        @Valid Funding funding,
        @NotNull @Valid AgreementText text) {

    public DraftIntent toCommand(AgreementId agreementId) {
        return new DraftIntent(
                agreementId,
                title,
                kind,
                binding,
                parties,
                focusAreas,
                term,
                reviewCadenceMonths,
                reminderOffsetsDays,
                funding,
                text);
    }
}
