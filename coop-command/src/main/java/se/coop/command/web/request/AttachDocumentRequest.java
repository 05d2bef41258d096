package se.coop.command.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import se.coop.api.AgreementId;
import se.coop.api.DocumentId;
import se.coop.api.DocumentKind;
import se.coop.api.ValueChecks;
import se.coop.api.command.AttachDocument;
import se.coop.api.input.WebAddress;

/**
 * A document to attach, by its SHA-256, of {@code kind} ({@code OTHER} when left out). Its media type and size may be
 * left out when Coop holds the document: they are then the stored one's (coop-command's {@code NamedDocuments}).
 */
public record AttachDocumentRequest(
        @NotBlank @Size(max = 500) String title,

        @NotNull @Pattern(regexp = ValueChecks.SHA256_REGEX, message = "must be a SHA-256: 64 hexadecimal digits")
        String sha256,

        @Size(max = 200) String mediaType,
        @PositiveOrZero Long size,
        @Size(max = 2000) @WebAddress String uri,
        DocumentKind kind) {

    public AttachDocument toCommand(AgreementId agreementId, DocumentId documentId) {
        return new AttachDocument(agreementId, documentId, title, sha256, mediaType, size, uri, kind);
    }
}
