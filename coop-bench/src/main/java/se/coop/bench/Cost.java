package se.coop.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongSupplier;

/**
 * What an application's commands cost over a measured window, divided by the commands acknowledged in it: CPU of all
 * its threads ({@code /proc}), WAL bytes the server wrote ({@code pg_current_wal_lsn}, all of the server's WAL in the
 * window, so nothing else may write meanwhile) and, when it is connected through a {@link CountingRelay}, statements
 * and round trips to the database (otherwise -1).
 */
record Cost(
        long commands,
        double seconds,
        double cpuMillisPerCommand,
        double statementsPerCommand,
        double roundTripsPerCommand,
        double walBytesPerCommand) {

    /** The counters at one instant. */
    record Reading(long nanos, long cpuMillis, long statements, long roundTrips, long walBytes) {}

    /** Reads the counters of one application: its process's CPU, its relay, the server's WAL. */
    static final class Meter {
        private final LongSupplier cpuMillis;
        private final CountingRelay relay;
        private final String jdbcUrl;
        private final String user;

        Meter(LongSupplier cpuMillis, CountingRelay relay, String jdbcUrl, String user) {
            this.cpuMillis = cpuMillis;
            this.relay = relay;
            this.jdbcUrl = jdbcUrl;
            this.user = user;
        }

        Reading read() {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                    Statement statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
                rows.next();
                return new Reading(
                        System.nanoTime(),
                        cpuMillis.getAsLong(),
                        relay == null ? -1 : relay.statements(),
                        relay == null ? -1 : relay.roundTrips(),
                        rows.getLong(1));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Cost between(Reading start, Reading end, long commands) {
        double n = Math.max(1, commands);
        return new Cost(
                commands,
                (end.nanos() - start.nanos()) / 1e9,
                (end.cpuMillis() - start.cpuMillis()) / n,
                start.statements() < 0 ? -1 : (end.statements() - start.statements()) / n,
                start.roundTrips() < 0 ? -1 : (end.roundTrips() - start.roundTrips()) / n,
                (end.walBytes() - start.walBytes()) / n);
    }
}
