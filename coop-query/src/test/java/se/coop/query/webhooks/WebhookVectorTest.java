package se.coop.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/integration.md's test vector: a delivery as Coop sent it, signed by a receiver's own code (Python's hmac) —
 * Coop's signing gives the same signature, and the body is a CloudEvent the SDK reads back with Coop's attributes.
 */
class WebhookVectorTest {

    private final JsonNode vector;

    WebhookVectorTest() throws IOException {
        vector = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Path.of("../docs/test-vectors/webhook-delivery.json")));
    }

    @Test
    void coopSignsTheVectorAsTheReceiverComputedIt() {
        JsonNode headers = vector.get("headers");
        byte[] body = vector.get("body").asString().getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignatures.sign(
                        vector.get("secret").asString(),
                        headers.get("webhook-id").asString(),
                        Long.parseLong(headers.get("webhook-timestamp").asString()),
                        body))
                .isEqualTo(headers.get("webhook-signature").asString());
    }

    @Test
    void theBodyIsACloudEventWithCoopsAttributes() {
        byte[] body = vector.get("body").asString().getBytes(StandardCharsets.UTF_8);
        CloudEvent event = EventFormatProvider.getInstance()
                .resolveFormat(JsonFormat.CONTENT_TYPE)
                .deserialize(body);
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId())
                .isEqualTo(vector.get("headers").get("webhook-id").asString());
        assertThat(event.getType()).isEqualTo(WebhookEvents.TYPE_PREFIX + "IntentDrafted");
        assertThat(event.getSource().toString()).endsWith("/api/v1/agreements/" + event.getSubject());
        assertThat(event.getExtension("coopposition")).isEqualTo("124");
        assertThat((String) event.getExtension("coopchainhash")).matches("[0-9a-f]{64}");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                .contains("\"agreementId\":\"" + event.getSubject() + "\"")
                .doesNotContain("@");
    }
}
