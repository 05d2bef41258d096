package se.coop.app.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.coop.api.BusinessTime;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import se.coop.app.support.WebhookReceiver;
import tools.jackson.databind.JsonNode;

/**
 * Coop's events delivered to a real HTTP receiver: signed CloudEvents, each event once per webhook-id and in order per
 * agreement, through a receiver that is down, answers 500, hangs and finally answers 410; endpoints on loopback and
 * metadata addresses refused without a connection ever made to them.
 */
class WebhooksTest extends IntegrationTest {

    private WebhookReceiver receiver;
    private final List<String> made = new ArrayList<>();

    @BeforeEach
    void receiver() throws IOException {
        receiver = new WebhookReceiver();
    }

    /** No subscription outlives its test: its receiver is gone, and later tests' events are not for it. */
    @AfterEach
    void closeReceiver() {
        made.forEach(location -> api.as("operator").delete(location));
        receiver.close();
    }

    private JsonNode subscribe(Map<String, Object> request) {
        Api.Answer answer = api.as("secretariat").post("/api/v1/webhooks", request);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        made.add(answer.header("Location"));
        return answer.json();
    }

    private JsonNode subscribe() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("url", receiver.url());
        request.put("partyId", "halmstad");
        request.put("description", "Ärendesystemet");
        return subscribe(request);
    }

    /** What the receiver got for one agreement, as parsed CloudEvents, in the order received. */
    private List<JsonNode> receivedFor(String agreementId) {
        List<JsonNode> events = new ArrayList<>();
        for (WebhookReceiver.Received request : receiver.received()) {
            JsonNode event = Api.JSON.readTree(request.body());
            if (event.get("subject").asString().equals(agreementId)) {
                events.add(event);
            }
        }
        return events;
    }

    private static String location(JsonNode subscription) {
        return "/api/v1/webhooks/" + subscription.get("subscriptionId").asString();
    }

    /** A refusal with {@code status}, naming {@code field} as the one at fault. */
    private static void assertRefused(Api.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.json().get("violations").get(0).get("field").asString())
                .isEqualTo(field);
    }

    /** The last request the receiver got for one agreement. */
    private WebhookReceiver.Received lastReceivedFor(String agreementId) {
        return receiver.received().stream()
                .filter(request -> request.body().contains(agreementId))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    /** Standard Webhooks' v1 signature, computed here as a receiver would, not with Coop's code. */
    private static String expectedSignature(String secret, WebhookReceiver.Received request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] signed = mac.doFinal(
                (request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    @Test
    void eachEventArrivesOnceInOrderAsASignedCloudEventWithoutAnyAddress() throws Exception {
        JsonNode subscription = subscribe();
        String secret = subscription.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        String location = location(subscription);
        assertThat(api.as("secretariat").get(location).json().has("secret"))
                .as("the secret is shown once")
                .isFalse();

        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.inForce(Bodies.twoPartyDraft(), BusinessTime.today(TestClock.INSTANCE));
        secretariat.scheduleReview(
                id,
                TestClock.afternoonIn(40),
                "Rådhuset, frågor till kalle.anka@halmstad.example.org",
                "Greta Granskare",
                "greta@example.org");

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(id).size() >= 8);
        List<JsonNode> events = receivedFor(id);
        assertThat(events)
                .extracting(event -> event.get("type").asString())
                .containsExactly(
                        "se.coop.agreement.IntentDrafted",
                        "se.coop.agreement.SubmittedForAdoption",
                        "se.coop.agreement.AgreementSigned",
                        "se.coop.agreement.BoardDecisionRecorded",
                        "se.coop.agreement.AgreementSigned",
                        "se.coop.agreement.BoardDecisionRecorded",
                        "se.coop.agreement.AgreementEnteredIntoForce",
                        "se.coop.agreement.ReviewScheduled");
        long previous = 0;
        for (JsonNode event : events) {
            assertThat(event.get("specversion").asString()).isEqualTo("1.0");
            assertThat(event.get("source").asString()).endsWith("/api/v1/agreements/" + id);
            assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
            assertThat(event.get("time").asString()).isNotBlank();
            assertThat(event.get("coopchainhash").asString()).matches("[0-9a-f]{64}");
            long position = Long.parseLong(event.get("coopposition").asString());
            assertThat(position).isGreaterThan(previous);
            previous = position;
            assertThat(event.get("data").get("agreementId").asString()).isEqualTo(id);
        }
        for (WebhookReceiver.Received request : receiver.received()) {
            assertThat(request.contentType()).startsWith("application/cloudevents+json");
            assertThat(Api.JSON.readTree(request.body()).get("id").asString()).isEqualTo(request.id());
            assertThat(request.signature()).isEqualTo(expectedSignature(secret, request));
            assertThat(request.body()).doesNotContain("@").doesNotContainIgnoringCase("contactId");
        }
        assertThat(events.get(7).get("data").toString())
                .contains("Greta Granskare")
                .contains("Rådhuset, frågor till (e-mail address left out)");
        assertThat(receiver.received())
                .extracting(WebhookReceiver.Received::id)
                .as("each event once")
                .doesNotHaveDuplicates();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> deliveries(location, id).stream()
                        .allMatch(delivery -> delivery.get("state").asString().equals("DELIVERED")));
        List<JsonNode> log = deliveries(location, id);
        assertThat(log).hasSize(8);
        assertThat(log.get(0).get("type").asString()).isEqualTo("ReviewScheduled");
        assertThat(log.get(0).get("lastStatus").asInt()).isEqualTo(200);
        assertThat(log.get(0).get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aFailingReceiverGetsTheSameEventAgainUnderTheSameIdAndItsAgreementWaitsThenA410DisablesIt() {
        JsonNode subscription = subscribe();
        String location = location(subscription);
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        AtomicInteger answered = new AtomicInteger();
        // for this agreement: down (500), then hanging past the read timeout, then up
        receiver.answer(request -> !request.body().contains(id)
                ? 200
                : switch (answered.getAndIncrement()) {
                    case 0 -> 500;
                    case 1 -> WebhookReceiver.HANG;
                    default -> 200;
                });
        secretariat.submit(id);

        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(id).size() == 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> deliveries(location, id).get(1).get("attempts").asInt() == 1);
        List<JsonNode> first = deliveries(location, id);
        JsonNode drafted = first.get(1);
        assertThat(drafted.get("state").asString()).isEqualTo("PENDING");
        assertThat(drafted.get("lastStatus").asInt()).isEqualTo(500);
        assertThat(drafted.get("nextAttemptAt").asString()).isNotBlank();
        assertThat(first.get(0).get("attempts").asInt())
                .as("the agreement's later event waits for the earlier one")
                .isZero();

        // an hour later (the clock), the retry hangs; an hour after that it is delivered, and then the next event
        TestClock.INSTANCE.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(id).size() == 2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> deliveries(location, id).get(1).get("attempts").asInt() == 2);
        TestClock.INSTANCE.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(id).size() == 4);
        List<JsonNode> events = receivedFor(id);
        assertThat(events)
                .extracting(event -> event.get("type").asString())
                .containsExactly(
                        "se.coop.agreement.IntentDrafted",
                        "se.coop.agreement.IntentDrafted",
                        "se.coop.agreement.IntentDrafted",
                        "se.coop.agreement.SubmittedForAdoption");
        assertThat(events.get(1).get("id").asString())
                .as("the same webhook-id on every attempt")
                .isEqualTo(events.get(0).get("id").asString())
                .isEqualTo(events.get(2).get("id").asString());

        // the receiver goes away for good
        receiver.answer(request -> 410);
        secretariat.sign(id, "halmstad", Bodies.TEXT_V1, "2026-03-02");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.as("secretariat")
                        .get(location)
                        .json()
                        .get("state")
                        .asString()
                        .equals("DISABLED"));
        int seen = receiver.received().size();
        secretariat.sign(id, "laholm", Bodies.TEXT_V1, "2026-03-02");
        TestClock.INSTANCE.advance(Duration.ofHours(2));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> receiver.received().size() == seen);
    }

    /** The subscription's delivery log for one agreement, the latest event first. */
    private List<JsonNode> deliveries(String location, String agreementId) {
        List<JsonNode> ours = new ArrayList<>();
        for (JsonNode delivery :
                api.as("secretariat").get(location + "/deliveries").json()) {
            if (delivery.get("agreementId").asString().equals(agreementId)) {
                ours.add(delivery);
            }
        }
        return ours;
    }

    /** A receiver that answers 200 and never ends its body holds its own delivery for one attempt's time, no more. */
    @Test
    void aReceiverTricklingItsAnswerIsCutOffAndOthersGoOn() throws IOException {
        try (WebhookReceiver other = new WebhookReceiver()) {
            receiver.answer(request -> WebhookReceiver.TRICKLE);
            String slow =
                    "/api/v1/webhooks/" + subscribe().get("subscriptionId").asString();
            Api.Answer made = api.as("secretariat").post("/api/v1/webhooks", Map.of("url", other.url()));
            assertThat(made.status()).isEqualTo(201);
            this.made.add(made.header("Location"));
            Secretariat secretariat = new Secretariat(api);
            String id = secretariat.draft(Bodies.twoPartyDraft());
            secretariat.submit(id);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> other.received().stream()
                                    .filter(r -> r.body().contains(id))
                                    .count()
                            == 2);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> deliveries(slow, id).stream()
                            .allMatch(
                                    delivery -> delivery.get("state").asString().equals("DELIVERED")));
            assertThat(deliveries(slow, id)).allSatisfy(delivery -> {
                assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
                assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);
            });
            assertThat(receivedFor(id)).as("each event once").hasSize(2);
        }
    }

    @Test
    void aSecretariatSubscribesForItsOwnPartyAndAnOperatorForAny() {
        JsonNode own = subscribe(Map.of("url", receiver.url()));
        assertThat(own.get("partyId").asString())
                .as("its only party, when it names none")
                .isEqualTo("halmstad");
        Api.Answer other =
                api.as("secretariat").post("/api/v1/webhooks", Map.of("url", receiver.url(), "partyId", "laholm"));
        assertRefused(other, 400, "partyId");
        Api.Answer every = api.as("operator").post("/api/v1/webhooks", Map.of("url", receiver.url()));
        assertThat(every.status()).isEqualTo(201);
        made.add(every.header("Location"));
        assertThat(every.json().has("partyId")).as("every agreement").isFalse();
        assertThat(api.as("secretariat")
                        .get("/api/v1/webhooks/not-a-subscription")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPingANewSecretWithItsOverlapAndEventsSentAgain() throws Exception {
        JsonNode subscription = subscribe();
        String location = location(subscription);
        String old = subscription.get("secret").asString();

        JsonNode ping = api.as("secretariat").post(location + "/ping", "{}").json();
        assertThat(ping.get("status").asInt()).isEqualTo(200);
        WebhookReceiver.Received pinged =
                receiver.received().get(receiver.received().size() - 1);
        assertThat(Api.JSON.readTree(pinged.body()).get("type").asString()).isEqualTo("se.coop.webhook.ping");
        assertThat(pinged.signature()).isEqualTo(expectedSignature(old, pinged));

        Api.Answer rotated = api.as("secretariat").post(location + "/secret", "{}");
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.json().get("secret").asString();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(id).size() == 1);
        WebhookReceiver.Received during = lastReceivedFor(id);
        assertThat(during.signature().split(" "))
                .as("signed with the new secret and the old while they overlap")
                .containsExactly(expectedSignature(fresh, during), expectedSignature(old, during));

        TestClock.INSTANCE.advance(Duration.ofHours(25));
        Api.Answer again = api.as("secretariat").post(location + "/redeliveries", Map.of("eventId", during.id()));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("queued").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(id).size() == 2);
        WebhookReceiver.Received resent = lastReceivedFor(id);
        assertThat(resent.id()).as("the same id when sent again").isEqualTo(during.id());
        assertThat(resent.signature())
                .as("the new secret alone after the overlap")
                .isEqualTo(expectedSignature(fresh, resent));

        long position = deliveries(location, id).get(0).get("position").asLong();
        Api.Answer range = api.as("secretariat")
                .post(location + "/redeliveries", Map.of("fromPosition", position, "toPosition", position + 5));
        assertThat(range.status()).isEqualTo(202);
        Api.Answer tooMany =
                api.as("secretariat").post(location + "/redeliveries", Map.of("fromPosition", 1, "toPosition", 20_000));
        assertRefused(tooMany, 400, "toPosition");
    }

    /**
     * A node that claimed a delivery and died mid-send leaves its claim to lapse; another node then sends the event
     * under the same webhook-id. (The dead node is played by a claim written as one would leave it.)
     */
    @Test
    void aDeliveryClaimedByANodeThatDiedIsSentAgainUnderTheSameIdOnceItsClaimLapses() {
        JsonNode subscription = subscribe();
        String location = location(subscription);
        receiver.answer(request -> 500);
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(id).size() == 1);
        String sentBefore =
                receiver.received().get(receiver.received().size() - 1).id();
        // as a node leaves it that claimed the retry and died before recording anything
        jdbc.update(
                "UPDATE webhook_delivery SET claimed_by = 'a-node-that-died', claimed_until = ?, next_attempt_at = ?"
                        + " WHERE agreement_id = ?",
                java.sql.Timestamp.from(TestClock.INSTANCE.instant().plus(Duration.ofMinutes(2))),
                java.sql.Timestamp.from(TestClock.INSTANCE.instant()),
                id);
        receiver.answer(request -> 200);
        TestClock.INSTANCE.advance(Duration.ofMinutes(1));
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(5))
                .until(() -> receivedFor(id).size() == 1);
        TestClock.INSTANCE.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(id).size() == 2);
        assertThat(receiver.received().get(receiver.received().size() - 1).id()).isEqualTo(sentBefore);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        deliveries(location, id).get(0).get("state").asString().equals("DELIVERED"));
    }

    /** v1a: signed with Coop's Ed25519 key, checked here with the public key Coop publishes and Java's own Ed25519. */
    @Test
    void aV1aSubscriptionIsSignedWithCoopsPublishedEd25519Key() throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("url", receiver.url());
        request.put("scheme", "v1a");
        JsonNode subscription = subscribe(request);
        assertThat(subscription.has("secret")).as("no secret: Coop's key signs").isFalse();
        assertThat(subscription.get("scheme").asString()).isEqualTo("v1a");
        String published = api.anonymous()
                .get("/api/v1/webhooks/public-key")
                .json()
                .get("publicKey")
                .asString();
        assertThat(published).startsWith("whpk_");
        byte[] raw = Base64.getDecoder().decode(published.substring("whpk_".length()));
        // the raw key after the X.509 prefix of an Ed25519 key (RFC 8410)
        byte[] x509 = new byte[44];
        System.arraycopy(java.util.HexFormat.of().parseHex("302a300506032b6570032100"), 0, x509, 0, 12);
        System.arraycopy(raw, 0, x509, 12, 32);
        java.security.PublicKey key = java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(x509));

        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(id).size() == 1);
        WebhookReceiver.Received delivered = lastReceivedFor(id);
        assertThat(delivered.signature()).startsWith("v1a,");
        java.security.Signature check = java.security.Signature.getInstance("Ed25519");
        check.initVerify(key);
        check.update((delivered.id() + "." + delivered.timestamp() + "." + delivered.body())
                .getBytes(StandardCharsets.UTF_8));
        assertThat(check.verify(Base64.getDecoder().decode(delivered.signature().substring("v1a,".length()))))
                .as("the signature holds under the published key")
                .isTrue();
        String location = location(subscription);
        assertThat(api.as("secretariat").post(location + "/secret", "{}").status())
                .as("no secret to replace")
                .isEqualTo(409);
        Api.Answer wrong =
                api.as("secretariat").post("/api/v1/webhooks", Map.of("url", receiver.url(), "scheme", "v2"));
        assertRefused(wrong, 400, "scheme");
    }

    @Test
    void aReceiverFailingForThreeDaysIsSuspended() {
        JsonNode subscription = subscribe();
        String location = location(subscription);
        receiver.answer(request -> 503);
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedFor(id).size() == 1);
        TestClock.INSTANCE.advance(Duration.ofDays(3).plusHours(2));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.as("secretariat")
                        .get(location)
                        .json()
                        .get("state")
                        .asString()
                        .equals("SUSPENDED"));
        JsonNode suspended = api.as("secretariat").get(location).json();
        assertThat(suspended.get("stateReason").asString()).contains("503");
        assertThat(deliveries(location, id).get(0).get("state").asString()).isEqualTo("FAILED");
        String operatorPage = new se.coop.app.web.PageSessionAccess(port).signedIn("operator", "/operator?lang=en");
        assertThat(operatorPage)
                .as("the operator page tells of it")
                .contains("Webhook subscriptions that receive nothing")
                .contains(subscription.get("subscriptionId").asString());
    }

    @Test
    void endpointsOnLoopbackPrivateAndMetadataAddressesAreRefusedWithoutAConnection() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket accepted = listening.accept();
                        connections.incrementAndGet();
                        accepted.close();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            int port = listening.getLocalPort();
            for (String url : List.of(
                    "https://127.0.0.1:" + port + "/hook",
                    "https://[::1]:" + port + "/hook",
                    "http://169.254.169.254/latest/meta-data/",
                    "https://169.254.169.254/latest/meta-data/",
                    "https://10.0.0.7/hook",
                    "https://192.168.1.10/hook",
                    "https://[::ffff:127.0.0.1]:" + port + "/hook",
                    "http://example.org/hook",
                    "https://user:password@example.org/hook",
                    "/relative")) {
                Api.Answer refused = api.as("secretariat").post("/api/v1/webhooks", Map.of("url", url));
                assertThat(refused.status()).as(url + " → " + refused).isEqualTo(400);
                assertThat(refused.json().get("violations").get(0).get("field").asString())
                        .as(url)
                        .isEqualTo("url");
            }
            assertThat(connections.get())
                    .as("connections made to the refused addresses")
                    .isZero();
        }
        Api.Answer unknownType = api.as("secretariat")
                .post("/api/v1/webhooks", Map.of("url", receiver.url(), "types", List.of("AgreementSigned", "Nope")));
        assertRefused(unknownType, 400, "types[1]");
        Api.Answer unknownParty = api.as("operator")
                .post("/api/v1/webhooks", Map.of("url", receiver.url(), "partyId", "no-such-party-anywhere"));
        assertThat(unknownParty.status()).isEqualTo(404);
        assertThat(unknownParty.json().get("errorCode").asString()).isEqualTo("PARTY_NOT_FOUND");
        assertThat(api.as("operator").get("/api/v1/webhooks").body())
                .as("nothing was made by a refused request")
                .doesNotContain("no-such-party-anywhere");
    }

    @Test
    void aSecretariatSeesItsPartiesSubscriptionsAndAnOperatorEveryOne() {
        JsonNode mine = subscribe();
        String location = "/api/v1/webhooks/" + mine.get("subscriptionId").asString();
        assertThat(api.as("operator").get(location).status()).isEqualTo(200);
        assertThat(api.as("operator").get("/api/v1/webhooks").body())
                .contains(mine.get("subscriptionId").asString());
        assertThat(api.as("auditor").get("/api/v1/webhooks").status()).isEqualTo(403);
        assertThat(api.as("reviewer").get(location).status()).isEqualTo(403);
        assertThat(api.as("operator").delete(location).status()).isEqualTo(204);
        assertThat(api.as("secretariat").get(location).status()).isEqualTo(404);
    }
}
