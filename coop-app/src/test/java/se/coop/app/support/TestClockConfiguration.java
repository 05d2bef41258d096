package se.coop.app.support;

import java.time.Clock;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces Coop's clock with the shared {@link TestClock}, and has the context closed before the test database stops.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    InitializingBean closedBeforeTheTestDatabase(ConfigurableApplicationContext context) {
        return () -> TestDatabase.closeBeforeStopping(context);
    }

    @Bean
    @Primary
    Clock testClock() {
        return TestClock.INSTANCE;
    }
}
