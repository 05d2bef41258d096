package se.coop.app.axon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import se.coop.api.DocumentKind;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.DocumentAttached;
import se.coop.api.event.DocumentCorrected;
import se.coop.api.event.ReviewHeld;
import se.coop.api.event.ReviewOutcomeRecorded;

/**
 * Every change of an event's shape, in one list: how each older revision reads as the current one. Events are never
 * rewritten; a database written by an earlier version of Coop reads through these (docs/domain.md, Events).
 */
final class Upcasters {

    private Upcasters() {}

    /** The upcasters, in the order they apply. */
    static List<EventUpcaster> all() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return List.of(
                // documents had no kind before revision 2: every one attached then is OTHER
                new AddedField(DocumentAttached.class, "1", "2", "kind", json.textNode(DocumentKind.OTHER.name())),
                new AddedField(DocumentCorrected.class, "1", "2", "kind", json.textNode(DocumentKind.OTHER.name())),
                // acts named no document they rest on before revision 2
                new AddedField(AgreementSigned.class, "1", "2", "document", NullNode.getInstance()),
                new AddedField(BoardDecisionRecorded.class, "1", "2", "document", NullNode.getInstance()),
                new AddedField(ReviewOutcomeRecorded.class, "1", "2", "document", NullNode.getInstance()),
                new AddedField(ReviewHeld.class, "1", "2", "document", NullNode.getInstance()));
    }
}
