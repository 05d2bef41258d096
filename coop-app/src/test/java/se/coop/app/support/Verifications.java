package se.coop.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Verifies the store against a checkpoint as an auditor does over HTTP, and waits for the result. */
public final class Verifications {

    private Verifications() {}

    /** Starts a verification against {@code checkpointId} (202), waits until it is DONE and gives its result. */
    public static JsonNode verified(Api api, String checkpointId) {
        return verified(api, checkpointId, "");
    }

    /** The same, with {@code body} sent: none, {@code {}}, or a checkpoint document the auditor kept. */
    public static JsonNode verified(Api api, String checkpointId, String body) {
        Api.Answer started =
                api.as("auditor").post("/api/v1/audit/checkpoints/" + checkpointId + "/verifications", body);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode[] done = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode verification =
                    api.as("auditor").get(started.header("Location")).json();
            assertThat(verification.get("state").asString()).isEqualTo("DONE");
            done[0] = verification;
        });
        return done[0].get("result");
    }
}
