package se.coop.command.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import se.coop.api.AgreementText;
import se.coop.api.DocumentRef;
import se.coop.api.ValueChecks;
import se.coop.api.command.AdoptByBoard;
import se.coop.api.command.AttachDocument;
import se.coop.api.command.DraftIntent;
import se.coop.api.command.ProposeAmendment;
import se.coop.api.command.RecordHeldReview;
import se.coop.api.command.RecordReviewOutcome;
import se.coop.api.command.ReviseDraft;
import se.coop.api.command.SignAgreement;
import se.coop.api.document.Documents;
import se.coop.api.document.StoredDocument;
import se.coop.command.web.InvalidRequestException;
import se.coop.command.web.Violation;

/**
 * A command that names documents by their SHA-256 — a text version, an attached document, the document a signature,
 * board decision or meeting's outcome rests on — inside its unit of work, after {@code CommandGuard} (so a request
 * answered before gets its first answer, whatever the store holds by now):
 *
 * <ul>
 *   <li>holds each named document against removal until the command commits ({@link Documents#naming}): a removal
 *       waits for it and then knows of the naming, so no upload an agreement names is removed by a race;
 *   <li>what it says of a document Coop holds must be true of the bytes (rule 15): a text's or attached document's size
 *       and media type are the stored ones where the request leaves them out, and another is refused as bad input
 *       naming the field ({@link StoredDocument#contradictedBy}, the rule the read side shows contradictions by);
 *   <li>a document Coop does not hold is described by the request alone: an attachment needs its type and size.
 * </ul>
 *
 * Registered on the command bus where Axon is configured (coop-app's {@code AxonConfiguration}).
 */
public final class NamedDocuments implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Documents documents;

    /** {@code documents} null: a node without the store, where commands describe their documents alone. */
    public NamedDocuments(Documents documents) {
        this.documents = documents;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        List<String> named = named(payload);
        if (named.isEmpty() || documents == null) {
            return chain.proceed();
        }
        documents.naming(named);
        Map<String, StoredDocument> held = documents.find(named);
        Object described = described(payload, held);
        if (described != payload) {
            unitOfWork.transformMessage(message -> new GenericCommandMessage<>(
                    new GenericMessage<>(message.getIdentifier(), described, message.getMetaData()),
                    ((CommandMessage<?>) message).getCommandName()));
        }
        return chain.proceed();
    }

    /** The SHA-256 of every document the command names, in order and once each. */
    static List<String> named(Object command) {
        List<String> hashes = new ArrayList<>();
        if (command instanceof DraftIntent c) {
            hashes.add(text(c.text()));
        } else if (command instanceof ReviseDraft c) {
            hashes.add(text(c.text()));
        } else if (command instanceof ProposeAmendment c) {
            hashes.add(text(c.text()));
        } else if (command instanceof AttachDocument c) {
            hashes.add(c.sha256());
        } else if (command instanceof SignAgreement c) {
            hashes.add(ref(c.document()));
        } else if (command instanceof AdoptByBoard c) {
            hashes.add(ref(c.document()));
        } else if (command instanceof RecordReviewOutcome c) {
            hashes.add(ref(c.document()));
        } else if (command instanceof RecordHeldReview c) {
            hashes.add(ref(c.document()));
        }
        TreeSet<String> valid = new TreeSet<>();
        for (String hash : hashes) {
            if (hash != null && ValueChecks.isSha256(hash)) {
                valid.add(ValueChecks.sha256(hash));
            }
        }
        return List.copyOf(valid);
    }

    private static String text(AgreementText text) {
        return text == null ? null : text.sha256();
    }

    private static String ref(DocumentRef ref) {
        return ref == null ? null : ref.sha256();
    }

    private static Object described(Object command, Map<String, StoredDocument> held) {
        if (command instanceof DraftIntent c) {
            AgreementText text = text(c.text(), held);
            return text == c.text() ? c : c.withText(text);
        }
        if (command instanceof ReviseDraft c) {
            AgreementText text = text(c.text(), held);
            return text == c.text() ? c : c.withText(text);
        }
        if (command instanceof ProposeAmendment c) {
            AgreementText text = text(c.text(), held);
            return text == c.text() ? c : c.withText(text);
        }
        if (command instanceof AttachDocument c) {
            return attached(c, held.get(ValueChecks.sha256(c.sha256())));
        }
        return command;
    }

    /** A text (field {@code text}) completed from the bytes Coop holds under its hash. */
    private static AgreementText text(AgreementText text, Map<String, StoredDocument> held) {
        if (text == null || text.sha256() == null) {
            return text;
        }
        StoredDocument stored = held.get(ValueChecks.sha256(text.sha256()));
        if (stored == null) {
            return text;
        }
        refuseContradictions(stored, text.mediaType(), text.size(), "text.");
        AgreementText completed = new AgreementText(
                text.sha256(),
                text.title(),
                text.mediaType() != null ? text.mediaType() : stored.mediaType(),
                text.size() != null ? text.size() : stored.size(),
                text.uri());
        return completed.equals(text) ? text : completed;
    }

    private static AttachDocument attached(AttachDocument command, StoredDocument stored) {
        if (stored == null) {
            String notHeld =
                    "must be given for a document Coop does not hold (upload it first: POST /api/v1/documents)";
            List<Violation> violations = new ArrayList<>();
            if (command.mediaType() == null || command.mediaType().isBlank()) {
                violations.add(new Violation("mediaType", notHeld));
            }
            if (command.size() == null) {
                violations.add(new Violation("size", notHeld));
            }
            if (!violations.isEmpty()) {
                throw new InvalidRequestException(violations);
            }
            return command;
        }
        refuseContradictions(stored, command.mediaType(), command.size(), "");
        String type = command.mediaType() != null && !command.mediaType().isBlank()
                ? command.mediaType()
                : stored.mediaType();
        long size = command.size() != null ? command.size() : stored.size();
        return Objects.equals(type, command.mediaType()) && Objects.equals(size, command.size())
                ? command
                : command.describedAs(type, size);
    }

    private static void refuseContradictions(StoredDocument stored, String mediaType, Long size, String prefix) {
        List<Violation> violations = stored.contradictedBy(mediaType, size).stream()
                .map(field -> new Violation(prefix + field, stored.contradiction(field, mediaType, size)))
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
