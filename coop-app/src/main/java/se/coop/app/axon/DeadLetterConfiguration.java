package se.coop.app.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parking must work for any event the store holds: the dead-letter queue records why an event was parked in a text
 * column, and the reason can quote the very value that failed (a database error lists the statement's parameters).
 * So the reason is kept without the characters PostgreSQL text cannot hold, and cut to the column's size.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    ConfigurerModule storableDeadLetterCauses() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerDefaultDeadLetterPolicy(config -> DeadLetterConfiguration::decide));
    }

    static EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        return Decisions.enqueue(new ThrowableCause(cause.getClass().getName(), storable(cause.getMessage())));
    }

    /** The text without NUL, other control characters but line breaks and tabs, and broken surrogates. */
    static String storable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), ThrowableCause.TRUNCATED_MESSAGE_SIZE));
        for (int i = 0; i < text.length() && kept.length() < ThrowableCause.TRUNCATED_MESSAGE_SIZE; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (kept.length() + 2 > ThrowableCause.TRUNCATED_MESSAGE_SIZE) {
                    break;
                }
                kept.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\n' && c != '\t')) {
                kept.append('\uFFFD');
            } else {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
