package se.coop.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;

/** The local zero-setup users and what each role may do with commands. */
class SecurityTest extends IntegrationTest {

    @Test
    void healthIsPublicAndSaysOnlyItsStatus() {
        Api.Answer health = api.anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
    }

    @Test
    void withoutCredentialsACommandIs401AndNothingIsWritten() {
        long before = requestedEvents();
        Api.Answer answer = api.anonymous().post("/api/v1/agreements", Bodies.halmstadDraft());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).contains("Basic");
        assertThat(answer.json().get("errorCode").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(requestedEvents()).isEqualTo(before);
    }

    @Test
    void aWrongPasswordIs401() {
        assertThat(api.withPassword("secretariat", "guess")
                        .post("/api/v1/agreements", Bodies.halmstadDraft())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void onlyTheSecretariatIssuesCommands() {
        long before = requestedEvents();
        for (String user : new String[] {"auditor", "reviewer", "operator"}) {
            Api.Answer answer = api.as(user).post("/api/v1/agreements", Bodies.halmstadDraft());
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.json().get("errorCode").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(requestedEvents()).isEqualTo(before);
        assertThat(api.as("secretariat")
                        .post("/api/v1/agreements", Bodies.halmstadDraft())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void actuatorBeyondHealthIsForTheOperator() {
        assertThat(api.as("secretariat").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(api.as("operator").get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/actuator/metrics").status()).isEqualTo(401);
    }

    @Test
    void theApiDescriptionIsPublicAndListsEveryCommand() {
        Api.Answer docs = api.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().get("paths");
        for (String path : new String[] {
            "/api/v1/agreements",
            "/api/v1/agreements/{agreementId}/revisions",
            "/api/v1/agreements/{agreementId}/submission",
            "/api/v1/agreements/{agreementId}/signatures",
            "/api/v1/agreements/{agreementId}/board-decisions",
            "/api/v1/agreements/{agreementId}/board-decisions/{decisionId}/appeal",
            "/api/v1/agreements/{agreementId}/reviews",
            "/api/v1/agreements/{agreementId}/reviews/{reviewId}/reschedule",
            "/api/v1/agreements/{agreementId}/reviews/{reviewId}/cancellation",
            "/api/v1/agreements/{agreementId}/reviews/{reviewId}/outcome",
            "/api/v1/agreements/{agreementId}/amendments",
            "/api/v1/agreements/{agreementId}/documents",
            "/api/v1/agreements/{agreementId}/links",
            "/api/v1/agreements/{agreementId}/parties/{partyId}/notice",
            "/api/v1/agreements/{agreementId}/parties/{partyId}/removal",
            "/api/v1/agreements/{agreementId}/termination",
            "/api/v1/agreements/{agreementId}/abandonment",
            "/api/v1/agreements/{agreementId}/archival"
        }) {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.get(path).get("post").toString())
                    .contains("Idempotency-Key")
                    .contains("If-Match");
        }
    }
}
