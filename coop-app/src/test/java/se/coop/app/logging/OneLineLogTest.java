package se.coop.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 28, finding 5: a review summary with a line break put a line into the log that looked like Coop's own. Coop's
 * log configuration ({@code logback-spring.xml}, as the runnable jar starts with it) writes a message and an
 * exception's message with every line break and control character escaped.
 */
class OneLineLogTest {

    private static final String FORGED = "2026-12-07T10:00:00.000+01:00  WARN 1 --- [main] se.coop.Forged : FORGED";

    @Test
    void aUsersLineBreakReachesTheLogEscapedAndTheEventStaysOneLine() throws JoranException {
        StringBuilder out = new StringBuilder();
        Logger logger = configured(out).getLogger("se.coop.query.reminders.DigestSender");

        logger.info(
                "Reminder digest for {} kept, {}:\n{}",
                "contact 1",
                "no SMTP server is configured",
                "Uppföljning hölls\r\n" + FORGED + "\u202Eevil\u0007");

        List<String> lines = lines(out);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .contains("Reminder digest for contact 1 kept")
                .contains(":\\nUppföljning hölls\\r\\n" + FORGED + "\\u202eevil\\u0007")
                .doesNotContain("\u202E");
    }

    @Test
    void anExceptionsMessageIsEscapedAndItsStackTraceKeepsItsLines() throws JoranException {
        StringBuilder out = new StringBuilder();
        Logger logger = configured(out).getLogger("se.coop.Somewhere");

        logger.warn(
                "Could not record",
                new IllegalStateException(
                        "title \"x\n" + FORGED + "\"", new IllegalArgumentException("cause\n" + FORGED)));

        List<String> lines = lines(out);
        assertThat(lines).noneMatch(line -> line.startsWith("2026-12-07T10:00:00"));
        assertThat(lines)
                .anyMatch(line -> line.contains("IllegalStateException: title \"x\\n" + FORGED))
                .anyMatch(line -> line.startsWith("Caused by: java.lang.IllegalArgumentException: cause\\n"))
                .anyMatch(line -> line.startsWith("\tat "));
    }

    /** A logger context set up from Coop's own log configuration, its console pattern writing into {@code out}. */
    private static LoggerContext configured(StringBuilder out) throws JoranException {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(OneLineLogTest.class.getResource("/logback-spring.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        String pattern = ((PatternLayoutEncoder) console.getEncoder()).getPattern();
        assertThat(pattern).contains("%m").contains("%coopEx");

        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();
        AppenderBase<ILoggingEvent> captured = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                out.append(layout.doLayout(event));
            }
        };
        captured.setContext(context);
        captured.start();
        root.detachAndStopAllAppenders();
        root.addAppender(captured);
        return context;
    }

    private static List<String> lines(StringBuilder out) {
        return Arrays.stream(out.toString().split("\r?\n"))
                .filter(line -> !line.isBlank())
                .toList();
    }
}
