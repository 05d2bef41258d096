package se.coop.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.NodeProcess;
import se.coop.app.support.Slow;

/**
 * PostgreSQL restarted under load, on a server of this test's own: while it is down, Coop's health says so (503) and
 * commands are refused; when it is back, Coop recovers by itself — health up, commands accepted, read models caught up
 * — and every command acknowledged before, during or after is stored.
 */
@Slow
class DatabaseRestartTest {

    private record Ack(String agreementId, long position) {}

    @Test
    void coopRecoversByItselfAndLosesNothingAcknowledged(@TempDir Path work) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = work.resolve("postgres");
        EmbeddedPostgres postgres = start(data, port);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (NodeProcess node = NodeProcess.start(
                work.resolve("node.log"), "--spring.datasource.url=" + url, "--spring.datasource.username=postgres")) {
            Api api = node.api();
            Queue<Ack> acks = new ConcurrentLinkedQueue<>();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(2);
            for (int c = 0; c < 2; c++) {
                clients.submit(() -> {
                    while (!stop.get()) {
                        Api.Answer answer = api.as("secretariat").post("/api/v1/agreements", Bodies.twoPartyDraft());
                        if (answer.status() == 201) {
                            acks.add(new Ack(
                                    answer.json().get("agreementId").asString(),
                                    answer.json().get("position").asLong()));
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> acks.size() >= 10);

            postgres.close();
            await().atMost(Duration.ofSeconds(60)).until(() -> node.health() == 503);
            int acknowledgedBeforeRestart = acks.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> refused.get() > 0);

            postgres = start(data, port);
            await().atMost(Duration.ofSeconds(60)).until(() -> node.health() == 200);
            await().atMost(Duration.ofSeconds(60)).until(() -> acks.size() >= acknowledgedBeforeRestart + 10);
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            long newest = 0;
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    PreparedStatement stored = connection.prepareStatement(
                            "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                                    + " AND global_index = ?")) {
                for (Ack ack : acks) {
                    stored.setString(1, ack.agreementId());
                    stored.setLong(2, ack.position());
                    try (ResultSet rows = stored.executeQuery()) {
                        rows.next();
                        assertThat(rows.getLong(1)).as(ack.toString()).isEqualTo(1);
                    }
                    newest = Math.max(newest, ack.position());
                }
            }
            // the read models went on by themselves: the newest acknowledged agreement is readable, not stale
            Ack last = acks.stream()
                    .max(java.util.Comparator.comparingLong(Ack::position))
                    .orElseThrow();
            Api.Answer status = api.as("secretariat")
                    .header("Coop-Min-Position", Long.toString(newest))
                    .get("/api/v1/agreements/" + last.agreementId());
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.header("Coop-Stale")).isNull();
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException, SQLException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .start();
    }
}
