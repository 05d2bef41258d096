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
 * left out when Coop holds the document: they are then the stored one's ({@code HeldDocuments}).
 */
public record AttachDocumentRequest(
        @NotBlank @Size(max = 500) String title,

        @NotNull @Pattern(regexp = ValueChecks.SHA256_REGEX, message = "must be a SHA-256: 64 hexadecimal digits")
        String sha256,

        @Size(max = 200) String mediaType,
        @PositiveOrZero Long size,
        @Size(max = 2000) @WebAddress String uri,
        DocumentKind kind) {

    /** The same request with the media type and size given. */
    public AttachDocumentRequest describedAs(String givenMediaType, Long givenSize) {
        return new AttachDocumentRequest(title, sha256, givenMediaType, givenSize, uri, kind);
    }

    public AttachDocument toCommand(AgreementId agreementId, DocumentId documentId) {
        return new AttachDocument(agreementId, documentId, title, sha256, mediaType, size, uri, kind);
    }
}
