package se.coop.app.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.coop.app.support.Api;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.query.extract.HeavyExtracts;

/**
 * Issue 28, finding 1 (in part): nothing limited how many dossiers and packages were made at once, so one auditor
 * could take the machine. A bounded number run at a time per node and per user; one more waits its turn
 * (coop.extracts.wait-for-turn, a second in the tests) and is then refused with 429 and Retry-After, having written
 * nothing.
 */
class HeavyExtractsTest extends IntegrationTest {

    @Autowired
    private HeavyExtracts heavy;

    @Test
    void aUsersSecondExtractAndOneBeyondTheNodesTurnsAreRefusedWithRetryAfter() {
        // a download another test's browser left behind may still be rendering on the server: its turn ends with it
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> heavy.running() == 0);
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.archived(secretariat, "heavyturns");
        String dossier = "/api/v1/agreements/" + id + "/dossier?format=json";
        assertThat(secretariat.reader("auditor").download(dossier).status()).isEqualTo(200);
        // the answer ends only once its turn has: a reader asking again at once is never refused for its own last one
        for (int i = 0; i < 10; i++) {
            assertThat(api.as("auditor").download(dossier).status()).isEqualTo(200);
            heavy.take("auditor", "test").close();
        }

        HeavyExtracts.Turn own = heavy.take("auditor", "test");
        try {
            Api.Answer second = api.as("auditor").get(dossier);
            assertThat(second.status()).isEqualTo(429);
            assertThat(second.header("Content-Type")).startsWith("application/problem+json");
            assertThat(second.json().get("errorCode").asString()).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(Long.parseLong(second.header("Retry-After"))).isPositive();
            Api.Answer otherUser = api.as("operator").get("/api/v1/agreements/" + id + "/archive-package");
            assertThat(otherUser.status())
                    .as("another user has a turn of their own")
                    .isEqualTo(200);
        } finally {
            own.close();
        }

        HeavyExtracts.Turn first = heavy.take("x", "test");
        HeavyExtracts.Turn second = heavy.take("y", "test");
        try {
            Api.Answer waited = api.as("auditor").get(dossier);
            assertThat(waited.status())
                    .as("the node's turns are taken: waited a second, then refused")
                    .isEqualTo(429);
            assertThat(waited.header("Retry-After")).isEqualTo("1");
            assertThat(api.as("auditor").get("/api/v1/agreements/export").status())
                    .isEqualTo(429);
        } finally {
            first.close();
            second.close();
        }
        assertThat(heavy.running()).isZero();
        assertThat(secretariat.reader("auditor").download(dossier).status()).isEqualTo(200);
    }
}
