package se.coop.app.axon;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.coop.command.agreement.AgreementCache;

/**
 * Where commands found their agreement, as the Prometheus counter {@code coop_agreement_loads_total}: {@code from="memory"}
 * when the kept agreement stood at the stream's head, {@code from="store"} when it was read and replayed (a timer's load
 * always is).
 */
@Configuration(proxyBeanMethods = false)
class AgreementCacheMetrics {

    @Bean
    InitializingBean agreementLoadsCounted(AgreementCache cache, MeterRegistry meters) {
        return () -> {
            FunctionCounter.builder("coop.agreement.loads", cache, AgreementCache::hits)
                    .tag("from", "memory")
                    .description("Commands served an agreement kept at its stream's head")
                    .register(meters);
            FunctionCounter.builder("coop.agreement.loads", cache, AgreementCache::misses)
                    .tag("from", "store")
                    .description("Loads (by commands and timers) that read and replayed the agreement's events")
                    .register(meters);
        };
    }
}
