package se.coop.command.agreement;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the event-sourced {@link Agreement} with Axon, keeping Spring out of the aggregate itself. */
@Configuration(proxyBeanMethods = false)
public class AgreementModule {

    @Bean
    ConfigurerModule agreementAggregate() {
        return configurer -> configurer.configureAggregate(Agreement.class);
    }
}
