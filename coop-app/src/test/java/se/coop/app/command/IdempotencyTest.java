package se.coop.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static se.coop.app.support.Bodies.TEXT_V1;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;

/** The same Idempotency-Key with the same body gets the first answer, and the command runs once. */
class IdempotencyTest extends IntegrationTest {

    @Test
    void aRetriedDraftReturnsTheFirstAnswerAndCreatesNoSecondAgreement() {
        String key = "draft-" + UUID.randomUUID();
        Api.Answer first =
                api.as("secretariat").header("Idempotency-Key", key).post("/api/v1/agreements", Bodies.halmstadDraft());
        long before = requestedEvents();
        Api.Answer retry =
                api.as("secretariat").header("Idempotency-Key", key).post("/api/v1/agreements", Bodies.halmstadDraft());

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Coop-Position")).isEqualTo(first.header("Coop-Position"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(requestedEvents()).isEqualTo(before);
    }

    @Test
    void theSameKeyIsSeparatePerUser() {
        String key = "shared-" + UUID.randomUUID();
        Api.Answer first =
                api.as("secretariat").header("Idempotency-Key", key).post("/api/v1/agreements", Bodies.halmstadDraft());
        assertThat(first.status()).isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "SELECT principal FROM idempotent_request WHERE idempotency_key = ?", String.class, key))
                .isEqualTo("secretariat");
    }

    @Test
    void aRefusedCommandIsNotRememberedSoItCanBeRetriedWithTheSameKey() {
        String id = api.as("secretariat")
                .post("/api/v1/agreements", Bodies.halmstadDraft())
                .json()
                .get("agreementId")
                .asString();
        String key = "sign-" + id;
        Api.Answer tooEarly = api.as("secretariat")
                .header("Idempotency-Key", key)
                .post("/api/v1/agreements/" + id + "/signatures", Bodies.signature("laholm", TEXT_V1, "2020-01-20"));
        assertThat(tooEarly.status()).isEqualTo(409);
        api.as("secretariat").post("/api/v1/agreements/" + id + "/submission", "{}");
        Api.Answer retried = api.as("secretariat")
                .header("Idempotency-Key", key)
                .post("/api/v1/agreements/" + id + "/signatures", Bodies.signature("laholm", TEXT_V1, "2020-01-20"));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(eventsOf(id)).isEqualTo(3);
    }

    @Test
    void concurrentRetriesWithOneKeyRunTheCommandOnce() throws Exception {
        String id = api.as("secretariat")
                .post("/api/v1/agreements", Bodies.halmstadDraft())
                .json()
                .get("agreementId")
                .asString();
        api.as("secretariat").post("/api/v1/agreements/" + id + "/submission", "{}");
        String key = "concurrent-" + id;
        int clients = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<Api.Answer> call = () -> {
                    start.await();
                    return api.as("secretariat")
                            .header("Idempotency-Key", key)
                            .post(
                                    "/api/v1/agreements/" + id + "/signatures",
                                    Bodies.signature("laholm", TEXT_V1, "2020-01-20"));
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Api.Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
                assertThat(answer.get().json().get("version").asLong()).isEqualTo(3);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventsOf(id)).isEqualTo(3);
    }

    @Test
    void concurrentCommandsOnOneAgreementQueueAndAllLand() throws Exception {
        String id = api.as("secretariat")
                .post("/api/v1/agreements", Bodies.halmstadDraft())
                .json()
                .get("agreementId")
                .asString();
        api.as("secretariat").post("/api/v1/agreements/" + id + "/submission", "{}");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(Bodies.PARTIES.size());
        try {
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (String party : Bodies.PARTIES) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.as("secretariat")
                            .post(
                                    "/api/v1/agreements/" + id + "/signatures",
                                    Bodies.signature(party, TEXT_V1, "2020-01-20"));
                }));
            }
            start.countDown();
            List<Long> versions = new ArrayList<>();
            for (Future<Api.Answer> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(200);
                versions.add(answer.get().json().get("version").asLong());
            }
            assertThat(versions).containsExactlyInAnyOrder(3L, 4L, 5L, 6L, 7L, 8L, 9L);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventsOf(id)).isEqualTo(2 + Bodies.PARTIES.size());
    }
}
