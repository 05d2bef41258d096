package se.coop.app.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;

/**
 * Restores a plain {@code pg_dump} (gzipped, from the test class path) into a database, as psql would: its statements
 * one by one, its {@code COPY … FROM stdin} blocks through the driver's copy API, psql's own commands skipped.
 */
public final class DatabaseDump {

    private DatabaseDump() {}

    public static void restore(String resource, String jdbcUrl, String user) {
        try (InputStream gz = DatabaseDump.class.getResourceAsStream(resource);
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(gz), StandardCharsets.UTF_8));
                Connection connection = DriverManager.getConnection(jdbcUrl, user, "")) {
            StringBuilder statement = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (statement.isEmpty() && (line.isBlank() || line.startsWith("--") || line.startsWith("\\"))) {
                    continue;
                }
                if (statement.isEmpty() && line.startsWith("COPY ") && line.endsWith("FROM stdin;")) {
                    copy(connection, line, lines);
                    continue;
                }
                statement.append(line).append('\n');
                if (line.endsWith(";")) {
                    try (Statement sql = connection.createStatement()) {
                        sql.execute(statement.toString());
                    }
                    statement.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not restore " + resource, e);
        }
    }

    private static void copy(Connection connection, String command, BufferedReader lines)
            throws IOException, SQLException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null && !line.equals("\\.")) {
            data.append(line).append('\n');
        }
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(command, new StringReader(data.toString()));
    }
}
