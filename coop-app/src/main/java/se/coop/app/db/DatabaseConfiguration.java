package se.coop.app.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Coop's one {@link javax.sql.DataSource}: the embedded PostgreSQL unless {@code spring.datasource.url} names a server.
 * Both are HikariCP pools configured by {@code spring.datasource.hikari.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSourceProperties.class)
public class DatabaseConfiguration {

    static final String NO_URL = "'${spring.datasource.url:}'.isBlank()";

    @Bean
    DataSourceTransactionManager transactionManager(javax.sql.DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression(NO_URL)
    static class Embedded {

        /** Closed after the pool, because the pool depends on it. */
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres(@Value("${coop.data-dir:./data}") Path dataDir) {
            return EmbeddedPostgresLauncher.start(dataDir.resolve("postgres"));
        }

        @Bean
        @ConfigurationProperties("spring.datasource.hikari")
        HikariDataSource dataSource(EmbeddedPostgres postgres) {
            return DataSourceBuilder.create()
                    .type(HikariDataSource.class)
                    .driverClassName("org.postgresql.Driver")
                    .url(postgres.getJdbcUrl("postgres", "postgres"))
                    .username("postgres")
                    .password("")
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!(" + NO_URL + ")")
    static class External {

        @Bean
        @ConfigurationProperties("spring.datasource.hikari")
        HikariDataSource dataSource(DataSourceProperties properties) {
            return properties
                    .initializeDataSourceBuilder()
                    .type(HikariDataSource.class)
                    .build();
        }
    }
}
