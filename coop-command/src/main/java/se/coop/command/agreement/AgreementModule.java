package se.coop.command.agreement;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the event-sourced {@link Agreement} with Axon, keeping Spring out of the aggregate itself: loaded from the
 * event store, or from the {@link AgreementCache} when what it keeps is the stream's head
 * ({@code coop.commands.cached-agreements}, 1,000 by default; 0 keeps none).
 */
@Configuration(proxyBeanMethods = false)
public class AgreementModule {

    @Bean
    AgreementCache agreementCache(@Value("${coop.commands.cached-agreements:1000}") int capacity) {
        return new AgreementCache(capacity);
    }

    @Bean
    ConfigurerModule agreementAggregate(AgreementCache cache) {
        // with a capacity of 0 the cache keeps nothing, but still counts where each load went
        AggregateConfigurer<Agreement> agreement =
                AggregateConfigurer.defaultConfiguration(Agreement.class).configureCache(configuration -> cache);
        return configurer -> configurer.configureAggregate(agreement);
    }
}
