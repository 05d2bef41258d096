package se.coop.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.Nodes;
import se.coop.app.support.Secretariat;
import se.coop.command.agreement.AgreementCache;

/**
 * Two nodes on one database, both taking commands on the same agreements at the same time: every acknowledged command
 * has exactly its event, a conflict is answered 409 and writes nothing, no event is stored twice, both nodes' read
 * models show everything acknowledged, and both nodes process events (node one runs one thread for the status read
 * model, so node two claims its other segment). Commands on one agreement moving between the nodes are never served
 * an agreement kept by a node that has fallen behind the stream.
 */
class TwoNodesTest {

    private static final int THREADS = 8;
    private static final int COMMANDS_PER_THREAD = 20;

    private static ConfigurableApplicationContext start(String... more) {
        return Nodes.start("twonodes", more);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return Nodes.api(context);
    }

    private record Ack(String agreementId, String documentId, long position) {}

    @Test
    void concurrentCommandsThroughTwoNodesLoseNothingAndDuplicateNothing() throws Exception {
        try (ConfigurableApplicationContext one = start("--axon.eventhandling.processors.status.thread-count=1");
                ConfigurableApplicationContext two = start()) {
            List<Api> nodes = List.of(api(one), api(two));
            JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
            Secretariat secretariat = new Secretariat(nodes.get(0));

            // one agreement, its commands moving between the nodes: a node's kept agreement falls behind what the
            // other appended and must be read again, never served stale (its next event would collide, 409); two
            // commands in a row on one node find it kept at the head
            String alternating = secretariat.draft(Bodies.twoPartyDraft());
            AgreementCache keptByOne = one.getBean(AgreementCache.class);
            long servedBefore = keptByOne.hits();
            int[] order = {1, 0, 0, 1, 1, 0};
            for (int k = 0; k < order.length; k++) {
                Api.Answer attached = nodes.get(order[k])
                        .as("secretariat")
                        .post("/api/v1/agreements/" + alternating + "/documents", document("Växelvis " + k, k));
                assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
                assertThat(attached.json().get("version").asLong()).isEqualTo(k + 2);
            }
            assertThat(keptByOne.hits() - servedBefore)
                    .as("node one's second command in a row")
                    .isPositive();

            List<String> agreements = List.of(
                    secretariat.draft(Bodies.twoPartyDraft()),
                    secretariat.draft(Bodies.twoPartyDraft()),
                    secretariat.draft(Bodies.twoPartyDraft()));

            Queue<Ack> acks = new ConcurrentLinkedQueue<>();
            Queue<String> unexpected = new ConcurrentLinkedQueue<>();
            AtomicInteger conflicts = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int k = 0; k < COMMANDS_PER_THREAD; k++) {
                        Api node = nodes.get((thread + k) % 2);
                        String agreement = agreements.get((thread + k) % agreements.size());
                        Api.Answer answer = node.as("secretariat")
                                .post(
                                        "/api/v1/agreements/" + agreement + "/documents",
                                        document("Bilaga " + thread + "-" + k, k));
                        if (answer.status() == 201) {
                            acks.add(new Ack(
                                    agreement,
                                    answer.json().get("id").asString(),
                                    answer.json().get("position").asLong()));
                        } else if (answer.status() == 409
                                && answer.json().get("errorCode").asString().equals("CONCURRENT_MODIFICATION")) {
                            conflicts.incrementAndGet();
                        } else {
                            unexpected.add(answer.toString());
                        }
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

            assertThat(unexpected).isEmpty();
            assertThat(acks.size() + conflicts.get()).isEqualTo(THREADS * COMMANDS_PER_THREAD);
            assertThat(acks).hasSizeGreaterThan(THREADS * COMMANDS_PER_THREAD / 2);
            long newest = 0;
            for (Ack ack : acks) {
                // the acknowledged event is stored where the answer said, for that agreement
                assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM domain_event_entry WHERE global_index = ? AND"
                                        + " aggregate_identifier = ? AND payload_type LIKE '%DocumentAttached'",
                                Long.class, ack.position(), ack.agreementId()))
                        .as(ack.toString())
                        .isEqualTo(1);
                newest = Math.max(newest, ack.position());
            }
            for (String agreement : agreements) {
                long acknowledged = acks.stream()
                        .filter(ack -> ack.agreementId().equals(agreement))
                        .count();
                // nothing lost, nothing twice: the stream holds the draft and one event per acknowledgement
                assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                Long.class,
                                agreement))
                        .isEqualTo(1 + acknowledged);
                assertThat(jdbc.queryForObject(
                                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                Long.class,
                                agreement))
                        .isEqualTo(acknowledged);
                for (Api node : nodes) {
                    Api.Answer status = node.as("secretariat")
                            .header("Coop-Min-Position", Long.toString(newest))
                            .get("/api/v1/agreements/" + agreement);
                    assertThat(status.header("Coop-Stale")).isNull();
                    assertThat(status.json().get("documents").size()).isEqualTo((int) acknowledged);
                }
            }
            // both nodes hold claims of the status read model, and both have processed up to the newest event
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(jdbc.queryForList(
                                    "SELECT DISTINCT owner FROM token_entry WHERE processor_name = 'status'",
                                    String.class))
                            .hasSize(2));
        }
    }

    private static Map<String, Object> document(String title, int k) {
        return Map.of("title", title, "sha256", sha256(title), "mediaType", "application/pdf", "size", 1000 + k);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
