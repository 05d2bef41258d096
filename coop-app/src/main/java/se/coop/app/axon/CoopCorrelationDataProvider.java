package se.coop.app.axon;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import se.coop.api.Origin;

/**
 * What every event records about its cause (docs/domain.md, Events and the hash chain): for a command, the acting user and role, the
 * party acted for and the idempotency key; for a timer, Coop itself. The correlation id is the one the HTTP request
 * carried, passed from message to message, so a timer's events share the correlation id of the command that set the
 * timer.
 */
final class CoopCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        data.put(
                Origin.CORRELATION_ID,
                message.getMetaData().getOrDefault(Origin.CORRELATION_ID, message.getIdentifier()));
        if (message instanceof DeadlineMessage<?>) {
            data.putAll(Origin.COOP);
        } else if (message instanceof CommandMessage<?>) {
            for (String key : Origin.HANDED_ON) {
                Object value = message.getMetaData().get(key);
                if (value != null) {
                    data.put(key, value);
                }
            }
        }
        return data;
    }
}
