package se.coop.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.NodeProcess;
import se.coop.app.support.Slow;
import se.coop.app.support.TestDatabase;
import se.coop.app.support.WebhookReceiver;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} of the node sending a webhook delivery, while the receiver holds the request: the delivery is
 * claimed by that node until its lease ends, then another node sends it again — under the same {@code webhook-id}
 * and with the same body, so the receiver can drop the duplicate.
 */
@Slow
class WebhookKillTest {

    private static final String DATABASE = "webhookkill";

    private static String[] node(String name) {
        return new String[] {
            "--spring.datasource.url=" + TestDatabase.url(DATABASE),
            "--spring.datasource.username=postgres",
            "--coop.node-id=" + name,
            // the events' source (the agreement's URI) is the same from every node only under one public address
            "--coop.reminders.public-url=https://coop.example.org",
            "--coop.webhooks.allowed-local-hosts=localhost",
            "--coop.webhooks.poll=200ms",
            "--coop.webhooks.connect-timeout=1s",
            "--coop.webhooks.read-timeout=20s",
            "--axon.eventhandling.tokenstore.claim-timeout=2s"
        };
    }

    @Test
    void aDeliveryInFlightOnAKilledNodeIsSentAgainByAnotherUnderTheSameWebhookId(@TempDir Path work) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(request -> WebhookReceiver.HANG);
            String agreementId;
            String subscription;
            try (NodeProcess victim = NodeProcess.start(work.resolve("victim.log"), node("victim"))) {
                Api api = victim.api();
                Api.Answer made = api.as("secretariat")
                        .post("/api/v1/webhooks", Map.of("url", receiver.url(), "types", List.of("IntentDrafted")));
                assertThat(made.status()).as(made.toString()).isEqualTo(201);
                subscription = made.header("Location");
                agreementId = api.as("secretariat")
                        .post("/api/v1/agreements", Bodies.twoPartyDraft())
                        .json()
                        .get("agreementId")
                        .asString();
                // the victim is sending it: the receiver holds the request open
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> receiver.received().size() == 1);
                victim.kill();
            }
            receiver.answer(request -> 204);
            try (NodeProcess survivor = NodeProcess.start(work.resolve("survivor.log"), node("survivor"))) {
                // once the dead node's lease ends (connect + read timeout + 30 s), the survivor claims and sends it
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> receiver.received().size() >= 2);
                List<WebhookReceiver.Received> received = receiver.received();
                assertThat(received.get(0).body()).contains(agreementId);
                assertThat(received.get(1).id())
                        .as("the same webhook-id on the resend")
                        .isEqualTo(received.get(0).id());
                assertThat(received.get(1).body())
                        .as("the same event")
                        .isEqualTo(received.get(0).body());
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    JsonNode log = survivor.api()
                            .as("secretariat")
                            .get(subscription + "/deliveries")
                            .json();
                    JsonNode delivery =
                            log.isArray() ? log.get(0) : log.get("deliveries").get(0);
                    assertThat(delivery.get("state").asString()).isEqualTo("DELIVERED");
                });
            }
        }
    }
}
