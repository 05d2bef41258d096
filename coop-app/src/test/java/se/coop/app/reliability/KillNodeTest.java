package se.coop.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.NodeProcess;
import se.coop.app.support.Nodes;
import se.coop.app.support.Slow;
import se.coop.app.support.TestDatabase;

/**
 * {@code kill -9} of a node under load: a second JVM takes commands until it is killed mid-stream. Every command it
 * acknowledged has its events; the surviving node reclaims the dead node's segments once their claims time out and its
 * read models show every acknowledged agreement.
 */
@Slow
class KillNodeTest {

    private static final String DATABASE = "killnode";
    private static final String CLAIM_TIMEOUT = "--axon.eventhandling.tokenstore.claim-timeout=2s";

    private record Ack(String agreementId, long position) {}

    @Test
    void everyAcknowledgedCommandSurvivesTheKillAndTheOtherNodeTakesOver(@TempDir Path work) throws Exception {
        try (NodeProcess victim = NodeProcess.start(
                work.resolve("victim.log"),
                "--spring.datasource.url=" + TestDatabase.url(DATABASE),
                "--spring.datasource.username=postgres",
                "--coop.node-id=victim",
                CLAIM_TIMEOUT)) {
            Api onVictim = victim.api();
            try (ConfigurableApplicationContext survivor = Nodes.start(DATABASE, CLAIM_TIMEOUT)) {
                JdbcTemplate jdbc = survivor.getBean(JdbcTemplate.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> owners(jdbc).contains("victim"));

                Queue<Ack> acks = new ConcurrentLinkedQueue<>();
                AtomicBoolean killed = new AtomicBoolean();
                ExecutorService clients = Executors.newFixedThreadPool(4);
                for (int c = 0; c < 4; c++) {
                    clients.submit(() -> {
                        while (!killed.get()) {
                            try {
                                Api.Answer answer =
                                        onVictim.as("secretariat").post("/api/v1/agreements", Bodies.twoPartyDraft());
                                if (answer.status() == 201) {
                                    acks.add(new Ack(
                                            answer.json().get("agreementId").asString(),
                                            answer.json().get("position").asLong()));
                                }
                            } catch (RuntimeException gone) {
                                return;
                            }
                        }
                    });
                }
                await().atMost(Duration.ofMinutes(1)).until(() -> acks.size() >= 40);
                victim.kill();
                killed.set(true);
                clients.shutdown();
                assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

                // every acknowledged command is stored
                for (Ack ack : acks) {
                    assertThat(jdbc.queryForObject(
                                    "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                                            + " AND global_index = ?",
                                    Long.class,
                                    ack.agreementId(),
                                    ack.position()))
                            .as(ack.toString())
                            .isEqualTo(1);
                }
                // the survivor takes over the dead node's claims and its read models converge
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> assertThat(owners(jdbc)).doesNotContain("victim"));
                Api onSurvivor = Nodes.api(survivor);
                long newest = acks.stream().mapToLong(Ack::position).max().orElseThrow();
                for (Ack ack : List.copyOf(acks)) {
                    Api.Answer status = onSurvivor
                            .as("secretariat")
                            .header("Coop-Min-Position", Long.toString(newest))
                            .get("/api/v1/agreements/" + ack.agreementId());
                    assertThat(status.status()).as(ack.toString()).isEqualTo(200);
                    assertThat(status.header("Coop-Stale")).isNull();
                }
            }
        }
    }

    private static List<String> owners(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "SELECT DISTINCT owner FROM token_entry WHERE owner IS NOT NULL AND processor_name = 'status'",
                String.class);
    }
}
