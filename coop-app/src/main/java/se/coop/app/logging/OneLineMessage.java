package se.coop.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** A log event's message, its arguments filled in, with {@link LogText#escaped} applied: {@code %m} in Coop's log. */
public class OneLineMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.escaped(super.convert(event));
    }
}
