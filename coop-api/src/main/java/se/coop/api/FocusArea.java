package se.coop.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A focus area, track or strategic area of an agreement (e.g. Bo, Bevæge, Besøge). */
public record FocusArea(
        @NotBlank @Size(max = 64) String code,
        @NotNull @Valid LocalizedText title) {

    public FocusArea {
        code = ValueChecks.trimToNull(code);
    }
}
