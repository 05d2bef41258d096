package se.coop.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import se.coop.app.CoopApplication;

/**
 * Coop nodes of their own, for tests of several nodes on one database: each on a random port, with the test clock,
 * and its own name in the processors' segment claims, as separate JVMs would have.
 */
public final class Nodes {

    private static final AtomicInteger STARTED = new AtomicInteger();

    private Nodes() {}

    public static ConfigurableApplicationContext start(String database, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url(database),
                "--spring.datasource.username=postgres",
                "--coop.node-id=node-" + STARTED.incrementAndGet(),
                "--coop.checkpoints.key=" + TestKeys.SIGNING_KEY));
        arguments.addAll(List.of(more));
        return run(arguments.toArray(String[]::new));
    }

    /**
     * Starts a Coop in this JVM with the tests' clock. It leaves the logging alone: the JVM's is set up already, and a
     * second application would reset it — a line logged meanwhile by the first one's threads finds no appender, and
     * logback says so on the console.
     */
    public static synchronized ConfigurableApplicationContext run(String... arguments) {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            return new SpringApplicationBuilder(CoopApplication.class, TestClockConfiguration.class).run(arguments);
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }

    public static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
