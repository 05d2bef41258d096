package se.coop.app.histories;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateNotFoundException;
import se.coop.api.AgreementId;
import se.coop.api.CommandRefusedException;
import se.coop.api.event.AgreementEvent;
import se.coop.command.agreement.AgreementAccess;
import se.coop.command.agreement.AgreementDirectory;
import se.coop.command.reminders.AgreementStream;
import se.coop.command.reminders.PlanningSettings;
import se.coop.command.reminders.RemindersAccess;
import se.coop.query.readmodel.RecordedEvent;

/**
 * Coop's command side in memory, as production wires it: the agreement and reminder-plan aggregates, the reminder
 * planning saga, one clock for everything (Axon's event timestamps included) and durable timers fired in order as
 * the clock moves. One instance runs many histories, one agreement each.
 */
final class InMemoryCoop implements AutoCloseable {

    /** What a command came to. */
    sealed interface Outcome {
        record Accepted(Object result) implements Outcome {}

        record Refused(CommandRefusedException refusal) implements Outcome {}

        /** The agreement does not exist (yet): a history shrunk without its drafting. */
        record NotFound() implements Outcome {}
    }

    final HistoryClock clock = new HistoryClock(Instant.parse("2026-01-01T08:00:00Z"));
    final ManualDeadlines timers = new ManualDeadlines();
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final Configuration configuration;
    private final Clock eventClockBefore;

    InMemoryCoop() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> storage)
                .registerComponent(Clock.class, c -> clock)
                .configureDeadlineManager(c -> timers)
                .registerComponent(
                        PlanningSettings.class,
                        c -> new PlanningSettings(Map.of(), "kansliet@example.se", Duration.ofHours(1)))
                .registerComponent(AgreementStream.class, c -> this::endedAfter)
                .registerComponent(
                        AgreementDirectory.class,
                        c -> id -> c.eventStore().readEvents(id.toString()).hasNext());
        AgreementAccess.register(configurer);
        RemindersAccess.register(configurer);
        configuration = configurer.buildConfiguration();
        timers.scopes(new ConfigurationScopeAwareProvider(configuration));
        configuration.start();
        eventClockBefore = GenericEventMessage.clock;
        GenericEventMessage.clock = clock;
    }

    /** A new history: its own start, no timers of the one before. */
    void restart(Instant start) {
        timers.clear();
        clock.restart(start);
    }

    Outcome send(Object command) {
        try {
            return new Outcome.Accepted(configuration.commandGateway().sendAndWait(command));
        } catch (CommandRefusedException refused) {
            return new Outcome.Refused(refused);
        } catch (AggregateNotFoundException e) {
            return new Outcome.NotFound();
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof CommandRefusedException refused) {
                return new Outcome.Refused(refused);
            }
            throw e;
        }
    }

    /** Moves the clock to {@code until}, firing every timer due on the way at its own time. */
    void advanceTo(Instant until) {
        timers.runUntil(until, clock);
    }

    /** How many events the store holds, of every stream. */
    long eventCount() {
        return storage.createHeadToken() instanceof GlobalSequenceTrackingToken head ? head.getGlobalIndex() + 1 : 0;
    }

    List<DomainEventMessage<?>> stream(String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        storage.readEvents(aggregateId, 0).asStream().forEach(events::add);
        return events;
    }

    List<RecordedEvent> agreementEvents(AgreementId agreementId) {
        List<RecordedEvent> events = new ArrayList<>();
        for (DomainEventMessage<?> message : stream(agreementId.toString())) {
            events.add(new RecordedEvent(
                    (AgreementEvent) message.getPayload(),
                    message.getSequenceNumber(),
                    0,
                    message.getTimestamp(),
                    message.getMetaData()));
        }
        return events;
    }

    AgreementAccess.Facts facts(AgreementId agreementId) {
        return AgreementAccess.facts(configuration, agreementId);
    }

    private boolean endedAfter(AgreementId agreementId, long sequence) {
        return storage.readEvents(agreementId.toString(), sequence + 1)
                .asStream()
                .anyMatch(event -> AgreementStream.ends(event.getPayload()));
    }

    @Override
    public void close() {
        configuration.shutdown();
        GenericEventMessage.clock = eventClockBefore;
    }
}
