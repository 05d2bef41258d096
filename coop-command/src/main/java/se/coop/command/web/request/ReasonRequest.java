package se.coop.command.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.coop.api.input.Multiline;

/** The body of RemoveParty and AbandonDraft: why. */
public record ReasonRequest(
        @NotBlank @Size(max = 1000) @Multiline String reason) {}
