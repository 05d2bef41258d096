package se.coop.query.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The global position of an event as stored. Not the processor's tracking token: an event committed after others with
 * higher positions (two transactions racing) fills a gap, and the token then stays at the highest position seen, so a
 * read model taking the token's position would record another event's position — and a rebuild, which sees no gaps,
 * would record a different one.
 */
@Component
public class EventPositions {

    private final JdbcTemplate jdbc;

    public EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long of(DomainEventMessage<?> message) {
        Long position = jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                Long.class,
                message.getAggregateIdentifier(),
                message.getSequenceNumber());
        return position == null ? 0 : position;
    }
}
