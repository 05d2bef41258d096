package se.coop.app.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import se.coop.api.EventChain;

/**
 * Appends events the way {@link org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine} does, but links
 * each to its predecessor in the stream: its metadata is written in {@link EventChain}'s canonical form with the chain
 * hash added. Everything that appends (commands, timers) goes through here, so every event is chained.
 */
final class ChainingAppendStatement implements AppendEventsStatementBuilder {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public PreparedStatement build(
            Connection connection,
            EventSchema schema,
            Class<?> dataType,
            List<? extends EventMessage<?>> events,
            Serializer serializer,
            TimestampWriter timestampWriter)
            throws SQLException {
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                + schema.domainEventFields() + ") VALUES (?,?,?,?,?,?,?,?,?)");
        Map<String, String> lastHashInBatch = new HashMap<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            String aggregateId = event.getAggregateIdentifier();
            String previous = lastHashInBatch.get(aggregateId);
            if (previous == null) {
                previous = event.getSequenceNumber() == 0
                        ? EventChain.GENESIS
                        : storedHash(connection, schema, aggregateId, event.getSequenceNumber() - 1);
            }
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            Map<String, Object> metaData = new HashMap<>(event.getMetaData());
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            String hash = EventChain.link(
                    previous,
                    aggregateId,
                    event.getSequenceNumber(),
                    payload.getType().getName(),
                    payload.getType().getRevision(),
                    timestamp,
                    payload.getData(),
                    EventChain.metadataWithoutHash(metaData));
            lastHashInBatch.put(aggregateId, hash);
            insert.setString(1, event.getIdentifier());
            insert.setString(2, aggregateId);
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            insert.setString(5, timestamp);
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setBytes(8, payload.getData());
            insert.setBytes(9, EventChain.metadataWithHash(metaData, hash));
            insert.addBatch();
        }
        return insert;
    }

    private String storedHash(Connection connection, EventSchema schema, String aggregateId, long sequenceNumber)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + schema.metaDataColumn() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " = ?")) {
            select.setString(1, aggregateId);
            select.setLong(2, sequenceNumber);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("event " + sequenceNumber + " of " + aggregateId
                            + " is missing: cannot chain its successor");
                }
                return json.readTree(row.getBytes(1)).path(EventChain.HASH_KEY).asText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable metadata of event " + sequenceNumber + " of " + aggregateId, e);
        }
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
