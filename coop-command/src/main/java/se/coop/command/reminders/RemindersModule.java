package se.coop.command.reminders;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the reminder plans with Axon. A reminder must never be lost, so a failure while planning is not skipped
 * but retried: the planning processor stops at the failing event and tries it again.
 */
@Configuration(proxyBeanMethods = false)
public class RemindersModule {

    @Bean
    AgreementStream agreementStream(EventStore events) {
        return (agreementId, sequence) -> events.readEvents(agreementId.toString(), sequence + 1)
                .asStream()
                .anyMatch(event -> AgreementStream.ends(event.getPayload()));
    }

    @Bean
    ConfigurerModule reminderPlans() {
        return configurer -> {
            configurer.configureAggregate(ReminderPlan.class);
            configurer
                    .eventProcessing()
                    .registerListenerInvocationErrorHandler(
                            ReminderPlanning.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
        };
    }
}
