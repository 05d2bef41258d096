package se.coop.command.reminders;

import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * The generated histories' window on the reminder plans, kept package-private in production: registers the
 * {@link ReminderPlan} aggregate and the {@link ReminderPlanning} saga with an in-memory Axon configuration, the saga
 * on a subscribing processor so that it plans within the command that caused it, and its failures fail that command.
 */
public final class RemindersAccess {

    private RemindersAccess() {}

    public static void register(Configurer configurer) {
        configurer.configureAggregate(ReminderPlan.class);
        configurer
                .eventProcessing()
                .usingSubscribingEventProcessors()
                .registerSaga(ReminderPlanning.class)
                .registerListenerInvocationErrorHandler(
                        ReminderPlanning.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
