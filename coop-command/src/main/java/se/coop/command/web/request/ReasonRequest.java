package se.coop.command.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of RemoveParty and AbandonDraft: why. */
public record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {}
