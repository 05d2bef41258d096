package se.coop.command.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.coop.api.AgreementText;
import se.coop.api.ValueChecks;
import se.coop.api.document.Documents;
import se.coop.api.document.StoredDocument;
import se.coop.command.web.request.AttachDocumentRequest;

/**
 * What a command says of a document Coop holds must be true of the bytes held: a text or attached document named by
 * the SHA-256 of stored bytes takes the stored size and detected media type where the request leaves them out, and
 * a request that gives another size or type for those bytes is refused as bad input. For a document Coop does not
 * hold, the request describes it alone (rule 15).
 */
@Component
public class HeldDocuments {

    private final ObjectProvider<Documents> documents;

    HeldDocuments(ObjectProvider<Documents> documents) {
        this.documents = documents;
    }

    /** The text {@code field} ("text") describes, completed from the store. */
    public AgreementText complete(AgreementText text, String field) {
        Optional<StoredDocument> stored = stored(text.sha256());
        if (stored.isEmpty()) {
            return text;
        }
        List<Violation> violations = new ArrayList<>();
        check(stored.get(), text.mediaType(), text.size(), field + ".", violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new AgreementText(
                text.sha256(),
                text.title(),
                text.mediaType() != null ? text.mediaType() : stored.get().mediaType(),
                text.size() != null ? text.size() : stored.get().size(),
                text.uri());
    }

    /** The document to attach, completed from the store: a document Coop does not hold needs its type and size. */
    public AttachDocumentRequest complete(AttachDocumentRequest request) {
        Optional<StoredDocument> stored = stored(request.sha256());
        List<Violation> violations = new ArrayList<>();
        if (stored.isEmpty()) {
            String notHeld =
                    "must be given for a document Coop does not hold (upload it first: POST /api/v1/documents)";
            if (request.mediaType() == null || request.mediaType().isBlank()) {
                violations.add(new Violation("mediaType", notHeld));
            }
            if (request.size() == null) {
                violations.add(new Violation("size", notHeld));
            }
        } else {
            check(stored.get(), request.mediaType(), request.size(), "", violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return stored.map(held -> request.describedAs(
                        request.mediaType() != null && !request.mediaType().isBlank()
                                ? request.mediaType()
                                : held.mediaType(),
                        request.size() != null ? request.size() : held.size()))
                .orElse(request);
    }

    private Optional<StoredDocument> stored(String sha256) {
        Documents store = documents.getIfAvailable();
        if (store == null || sha256 == null) {
            return Optional.empty();
        }
        return store.find(ValueChecks.sha256(sha256));
    }

    private static void check(
            StoredDocument stored, String mediaType, Long size, String prefix, List<Violation> violations) {
        if (size != null && size != stored.size()) {
            violations.add(new Violation(
                    prefix + "size",
                    "Coop holds the document with this SHA-256, and it has " + stored.size() + " bytes, not " + size
                            + " (rule 15)"));
        }
        if (mediaType != null && !mediaType.isBlank() && !baseType(mediaType).equals(baseType(stored.mediaType()))) {
            violations.add(new Violation(
                    prefix + "mediaType",
                    "Coop holds the document with this SHA-256, and its bytes are " + stored.mediaType() + ", not "
                            + mediaType.strip()));
        }
    }

    /** A media type without its parameters, in lower case: {@code text/plain; charset=UTF-8} is {@code text/plain}. */
    private static String baseType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
