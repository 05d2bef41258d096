package se.coop.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import se.coop.api.input.WebAddress;

/**
 * One version of an agreement's text, identified by the SHA-256 of the document (rule 15). Approvals name the version
 * they approve by this hash.
 */
public record AgreementText(
        @NotNull String sha256,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 200) String mediaType,
        @PositiveOrZero Long size,
        @Size(max = 2000) @WebAddress String uri) {

    public AgreementText {
        sha256 = ValueChecks.sha256(sha256);
        title = ValueChecks.trimToNull(title);
    }
}
