package se.coop.query.readmodel;

import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import se.coop.api.event.AgreementEvent;

/**
 * An agreement event with what the store recorded about it: its sequence in the agreement's stream, its global
 * position (0 where unknown, e.g. when read back for {@code asOf}), when it was recorded, and its metadata.
 */
public record RecordedEvent(
        AgreementEvent payload, long sequence, long position, Instant recordedAt, Map<String, ?> metaData) {

    /** The event of {@code message}, at {@code position} (0 where unknown). */
    public static RecordedEvent of(AgreementEvent event, DomainEventMessage<?> message, long position) {
        return new RecordedEvent(
                event, message.getSequenceNumber(), position, message.getTimestamp(), message.getMetaData());
    }

    public String metaData(String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
