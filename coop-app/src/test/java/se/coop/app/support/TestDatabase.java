package se.coop.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL per test JVM, started on first use. Each differently configured Spring context gets a database
 * of its own in it, so their event processors and tokens never meet. When the JVM ends, the Spring contexts are closed
 * before PostgreSQL stops, so no processor meets a vanished database on its way out.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static final Set<String> created = new HashSet<>();
    private static final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

    private TestDatabase() {}

    /** Closes {@code context} before PostgreSQL stops. */
    public static void closeBeforeStopping(ConfigurableApplicationContext context) {
        contexts.add(context);
    }

    public static synchronized String url(String database) {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop, "test-database-stop"));
        }
        if (created.add(database)) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create test database " + database, e);
            }
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    private static void stop() {
        contexts.forEach(ConfigurableApplicationContext::close);
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
