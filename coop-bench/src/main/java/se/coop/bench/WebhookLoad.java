package se.coop.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What webhooks cost and how late they arrive: the command load run twice at one concurrency, without a subscription
 * and with one that wants every event (a receiver in this process answering 204 at once), Coop's CPU per command
 * measured over each; then every queued delivery awaited, and each one's lag from the event's time (when Coop made
 * it, just before its commit) to its arrival here.
 */
final class WebhookLoad {

    record Phase(double commandsPerSecond, long commands, double cpuMillisPerCommand, long events) {}

    record Result(
            int concurrency,
            Phase without,
            Phase with,
            long queued,
            long received,
            long undelivered,
            double drainSeconds,
            Latencies lag) {}

    private WebhookLoad() {}

    static Result run(
            Http secretariat,
            Http operator,
            CoopProcess coop,
            String jdbcUrl,
            String user,
            LocalDate today,
            int concurrency,
            Duration warmup,
            Duration measure)
            throws Exception {
        Latencies lag = new Latencies();
        AtomicLong received = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.ExecutorService handlers = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "bench-webhook-receiver");
            thread.setDaemon(true);
            return thread;
        });
        receiver.setExecutor(handlers);
        receiver.createContext("/", exchange -> {
            Instant arrived = Instant.now();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String time = Http.JSON.readTree(body).get("time").asString();
            lag.add(Duration.between(Instant.parse(time), arrived).toNanos());
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            // a Coop started for this phase alone is warmed first, so that neither phase pays for the JIT
            CommandLoad.run(secretariat, today, concurrency, warmup, measure);
            Phase without = phase(secretariat, coop, jdbcUrl, user, today, concurrency, warmup, measure);
            Http.Response made = operator.post(
                    "/api/v1/webhooks",
                    "{\"url\": \"http://localhost:" + receiver.getAddress().getPort()
                            + "/coop\", \"description\": \"coop-bench\"}");
            if (made.status() != 201) {
                throw new IllegalStateException("the subscription was refused: " + made.status() + " " + made.body());
            }
            String subscription = made.json().get("subscriptionId").asString();
            try {
                Phase with = phase(secretariat, coop, jdbcUrl, user, today, concurrency, warmup, measure);
                long drainStart = System.nanoTime();
                long[] counts = deliveries(jdbcUrl, user, subscription);
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (counts[1] > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    counts = deliveries(jdbcUrl, user, subscription);
                }
                double drained = (System.nanoTime() - drainStart) / 1e9;
                return new Result(concurrency, without, with, counts[0], received.get(), counts[1], drained, lag);
            } finally {
                operator.delete("/api/v1/webhooks/" + subscription);
            }
        } finally {
            receiver.stop(0);
            handlers.shutdownNow();
        }
    }

    private static Phase phase(
            Http secretariat,
            CoopProcess coop,
            String jdbcUrl,
            String user,
            LocalDate today,
            int concurrency,
            Duration warmup,
            Duration measure)
            throws Exception {
        long headBefore = Bench.head(jdbcUrl, user);
        long cpuBefore = coop.cpuMillis();
        CommandLoad.Result load = CommandLoad.run(secretariat, today, concurrency, warmup, measure);
        long cpu = coop.cpuMillis() - cpuBefore;
        long events = Bench.head(jdbcUrl, user) - headBefore;
        return new Phase(
                load.commandsPerSecond(),
                load.acknowledged(),
                load.acknowledged() == 0 ? Double.NaN : (double) cpu / load.acknowledged(),
                events);
    }

    /** The deliveries queued for the subscription, and how many of them are not delivered yet. */
    private static long[] deliveries(String jdbcUrl, String user, String subscription) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*), count(*) FILTER (WHERE state <> 'DELIVERED') FROM webhook_delivery"
                                + " WHERE subscription_id = ?::uuid")) {
            query.setString(1, subscription);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }
}
