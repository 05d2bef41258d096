package se.coop.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.coop.api.input.Multiline;

/** What a review meeting concluded. */
public record ReviewOutcome(
        @NotBlank @Size(max = 4000) @Multiline String summary,
        @NotNull ReviewDecision decision) {

    public ReviewOutcome {
        summary = ValueChecks.trimToNull(summary);
    }
}
