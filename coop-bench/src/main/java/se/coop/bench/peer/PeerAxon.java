package se.coop.bench.peer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon as any application on PostgreSQL without Axon Server sets it up: the JDBC event store and token store with
 * snake_case tables, a Jackson serializer for every role, a duplicate key read as a concurrent append. The tables are
 * made at start if missing, as the documentation's DDL has them. The schema beans repeat what coop-app's
 * {@code AxonConfiguration} says on purpose: the peer holds no Coop code ({@code PeerTest}), and both follow the same
 * Axon documentation for the same tables.
 */
@Configuration(proxyBeanMethods = false)
class PeerAxon {

    @Bean
    InitializingBean peerTables(JdbcTemplate jdbc) {
        return () -> jdbc.execute("""
                CREATE TABLE IF NOT EXISTS domain_event_entry (
                    global_index BIGSERIAL PRIMARY KEY, aggregate_identifier VARCHAR(255) NOT NULL,
                    sequence_number BIGINT NOT NULL, type VARCHAR(255), event_identifier VARCHAR(255) NOT NULL UNIQUE,
                    meta_data BYTEA, payload BYTEA NOT NULL, payload_revision VARCHAR(255),
                    payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(255) NOT NULL,
                    UNIQUE (aggregate_identifier, sequence_number));
                CREATE TABLE IF NOT EXISTS snapshot_event_entry (
                    aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,
                    type VARCHAR(255) NOT NULL, event_identifier VARCHAR(255) NOT NULL UNIQUE, meta_data BYTEA,
                    payload BYTEA NOT NULL, payload_revision VARCHAR(255), payload_type VARCHAR(255) NOT NULL,
                    time_stamp VARCHAR(255) NOT NULL, PRIMARY KEY (aggregate_identifier, sequence_number));
                CREATE TABLE IF NOT EXISTS token_entry (
                    processor_name VARCHAR(255) NOT NULL, segment INTEGER NOT NULL, token BYTEA,
                    token_type VARCHAR(255), time_stamp VARCHAR(255), owner VARCHAR(255),
                    PRIMARY KEY (processor_name, segment));
                CREATE TABLE IF NOT EXISTS agreement_status (
                    agreement_id VARCHAR(64) PRIMARY KEY, title TEXT NOT NULL, state VARCHAR(32) NOT NULL,
                    parties TEXT[] NOT NULL, version BIGINT NOT NULL, updated_at TIMESTAMPTZ NOT NULL);
                CREATE INDEX IF NOT EXISTS agreement_status_state ON agreement_status (state);
                CREATE INDEX IF NOT EXISTS agreement_status_parties ON agreement_status USING gin (parties);
                """);
    }

    /**
     * The connections Axon uses, from Spring's pool and within the unit of work, as Axon's own JDBC auto-configuration
     * makes them: that one waits for a {@code DataSource} bean, which Spring Boot 4's auto-configuration (in a package
     * Axon 4.13 does not name) may not have registered yet when it is asked.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    @Primary
    Serializer serializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer serializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .build();
    }
}
