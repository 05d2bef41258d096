package se.coop.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * One real PostgreSQL per test JVM, started on first use. Each differently configured Spring context gets a database
 * of its own in it, so their event processors and tokens never meet.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static final Set<String> created = new HashSet<>();

    private TestDatabase() {}

    public static synchronized String url(String database) {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
}
