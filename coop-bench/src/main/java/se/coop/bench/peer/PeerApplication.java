package se.coop.bench.peer;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the peer: {@code SPRING_DATASOURCE_URL} names its database, {@code --server.port} its port. */
@SpringBootApplication
public class PeerApplication {

    public static void main(String[] args) {
        run(args);
    }

    /** Starts the peer with {@code args} (as command-line properties); the running context. */
    public static ConfigurableApplicationContext run(String... args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication application = new SpringApplication(PeerApplication.class);
        application.setDefaultProperties(Map.of(
                "spring.main.banner-mode", "off",
                "server.address", "127.0.0.1",
                "spring.datasource.hikari.maximum-pool-size", "20",
                "axon.axonserver.enabled", "false",
                "axon.update-check.disabled", "true",
                // as Coop's status read model: tracking, two segments on two threads, batches of 100
                "axon.eventhandling.processors.status.mode", "tracking",
                "axon.eventhandling.processors.status.initial-segment-count", "2",
                "axon.eventhandling.processors.status.thread-count", "2",
                "axon.eventhandling.processors.status.batch-size", "100"));
        return application.run(args);
    }
}
