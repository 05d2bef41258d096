package se.coop.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical limit: the same PostgreSQL doing what an event-sourced command costs the database, over plain JDBC —
 * read an aggregate's events, insert one event row, commit — in a table shaped and indexed like Coop's event store.
 */
final class Baseline {

    record Result(int concurrency, double transactionsPerSecond, Latencies latencies) {}

    private static final int EVENTS_PER_AGGREGATE = 10;

    private final String jdbcUrl;
    private final String user;
    private volatile boolean measuring;
    private volatile boolean stopped;
    private final AtomicLong transactions = new AtomicLong();
    private final Latencies latencies = new Latencies();
    private final byte[] payload;
    private final byte[] metadata;

    private Baseline(String jdbcUrl, String user) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        StringBuilder json = new StringBuilder("{\"agreementId\":\"" + UUID.randomUUID() + "\",\"text\":\"");
        while (json.length() < 700) {
            json.append("Kommunstyrelsen antog textversion 1. ");
        }
        this.payload = json.append("\"}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.metadata = ("{\"actor\":\"secretariat\",\"chainHash\":\"" + "a".repeat(64) + "\",\"correlationId\":\""
                        + UUID.randomUUID() + "\",\"role\":\"SECRETARIAT\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static void prepare(String jdbcUrl, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_event");
            statement.execute("CREATE TABLE bench_event (global_index BIGSERIAL NOT NULL,"
                    + " aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,"
                    + " type VARCHAR(255), event_identifier VARCHAR(255) NOT NULL, meta_data BYTEA,"
                    + " payload BYTEA NOT NULL, payload_revision VARCHAR(255), payload_type VARCHAR(255) NOT NULL,"
                    + " time_stamp VARCHAR(255) NOT NULL, PRIMARY KEY (global_index),"
                    + " CONSTRAINT bench_event_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),"
                    + " CONSTRAINT bench_event_event_identifier UNIQUE (event_identifier))");
        }
    }

    static Result run(String jdbcUrl, String user, int concurrency, Duration warmup, Duration measure)
            throws InterruptedException {
        Baseline baseline = new Baseline(jdbcUrl, user);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(baseline::work, "bench-jdbc-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(warmup.toMillis());
        baseline.measuring = true;
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        long count = baseline.transactions.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        baseline.stopped = true;
        for (Thread worker : workers) {
            worker.join(60_000);
        }
        return new Result(concurrency, count / seconds, baseline.latencies);
    }

    private void work() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                PreparedStatement read =
                        connection.prepareStatement("SELECT sequence_number, payload, meta_data FROM bench_event"
                                + " WHERE aggregate_identifier = ? AND sequence_number >= ? ORDER BY sequence_number");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_event (event_identifier,"
                        + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,"
                        + " payload, meta_data) VALUES (?,?,?,?,?,?,?,?,?)")) {
            connection.setAutoCommit(false);
            String aggregate = UUID.randomUUID().toString();
            long sequence = 0;
            while (!stopped) {
                if (sequence == EVENTS_PER_AGGREGATE) {
                    aggregate = UUID.randomUUID().toString();
                    sequence = 0;
                }
                long start = System.nanoTime();
                read.setString(1, aggregate);
                read.setLong(2, 0);
                long found = 0;
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        rows.getBytes(2);
                        rows.getBytes(3);
                        found++;
                    }
                }
                if (found != sequence) {
                    throw new IllegalStateException(
                            "aggregate " + aggregate + " has " + found + " events, not " + sequence);
                }
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, aggregate);
                insert.setLong(3, sequence);
                insert.setString(4, "Agreement");
                insert.setString(5, Instant.now().toString());
                insert.setString(6, "se.coop.api.event.AgreementSigned");
                insert.setString(7, "1");
                insert.setBytes(8, payload);
                insert.setBytes(9, metadata);
                insert.executeUpdate();
                connection.commit();
                sequence++;
                if (measuring && !stopped) {
                    latencies.add(System.nanoTime() - start);
                    transactions.incrementAndGet();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("baseline transaction failed", e);
        }
    }
}
