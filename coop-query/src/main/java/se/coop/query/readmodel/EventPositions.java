package se.coop.query.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The global position of an event as stored. Not the processor's tracking token: an event committed after others with
 * higher positions (two transactions racing) fills a gap, and the token then stays at the highest position seen, so a
 * read model taking the token's position would record another event's position — and a rebuild, which sees no gaps,
 * would record a different one. Within a processor's batch, the positions of all its events are read at once.
 */
@Component
public class EventPositions {

    private static final String RESOURCE = EventPositions.class.getName();

    private final JdbcTemplate jdbc;

    public EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long of(DomainEventMessage<?> message) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unit = CurrentUnitOfWork.get();
            if (unit instanceof BatchingUnitOfWork<?> batch) {
                // the batch's messages are listed once: getMessages() copies them, for every event it would be n²
                Map<String, Long> known = unit.root().getResource(RESOURCE);
                if (known == null) {
                    List<?> messages = batch.getMessages();
                    known = messages.size() > 1 ? ofAll(messages) : Map.of();
                    unit.root().resources().put(RESOURCE, known);
                }
                Long position = known.get(key(message.getAggregateIdentifier(), message.getSequenceNumber()));
                if (position != null) {
                    return position;
                }
            }
        }
        Long position = jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                Long.class,
                message.getAggregateIdentifier(),
                message.getSequenceNumber());
        return position == null ? 0 : position;
    }

    private Map<String, Long> ofAll(List<?> messages) {
        List<String> aggregates = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        for (Object message : messages) {
            if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
                aggregates.add(event.getAggregateIdentifier());
                sequences.add(event.getSequenceNumber());
            }
        }
        Map<String, Long> positions = new HashMap<>();
        if (aggregates.isEmpty()) {
            return positions;
        }
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT e.aggregate_identifier, e.sequence_number, e.global_index FROM domain_event_entry e"
                            + " JOIN unnest(?::varchar[], ?::bigint[]) AS wanted(aggregate_identifier, sequence_number)"
                            + " ON e.aggregate_identifier = wanted.aggregate_identifier"
                            + " AND e.sequence_number = wanted.sequence_number")) {
                select.setArray(1, connection.createArrayOf("varchar", aggregates.toArray()));
                select.setArray(2, connection.createArrayOf("bigint", sequences.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        positions.put(key(rows.getString(1), rows.getLong(2)), rows.getLong(3));
                    }
                }
            }
            return null;
        });
        return positions;
    }

    private static String key(String aggregate, long sequence) {
        return aggregate + '#' + sequence;
    }
}
