package se.coop.app.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import se.coop.api.event.AgreementEvent;

/**
 * Upcasts one event type from one revision to the next by giving it a field the older revision did not have, with the
 * value that field means for events written before it existed. The stored bytes stay as they are (the hash chain is
 * over them); only what is read changes.
 */
final class AddedField extends SingleEventUpcaster {

    private final SerializedType from;
    private final SerializedType to;
    private final String field;
    private final JsonNode value;

    AddedField(
            Class<? extends AgreementEvent> type,
            String fromRevision,
            String toRevision,
            String field,
            JsonNode value) {
        this.from = new SimpleSerializedType(type.getName(), fromRevision);
        this.to = new SimpleSerializedType(type.getName(), toRevision);
        this.field = field;
        this.value = value;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return from.equals(intermediateRepresentation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return intermediateRepresentation.upcastPayload(to, JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            if (!upcast.has(field)) {
                upcast.set(field, value);
            }
            return upcast;
        });
    }

    @Override
    public String toString() {
        return from.getName() + " " + from.getRevision() + " → " + to.getRevision() + " (+" + field + ")";
    }
}
