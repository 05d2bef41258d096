package se.coop.app.time;

import java.time.Clock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One injectable clock drives everything that reads the time (docs/domain.md, Time). Axon stamps events with a static clock
 * and db-scheduler polls with its own, so both are pointed at this one; tests replace it with a clock they move.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return clock::instant;
    }

    @Bean
    InitializingBean axonEventClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }
}
