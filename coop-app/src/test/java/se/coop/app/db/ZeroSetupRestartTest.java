package se.coop.app.db;

import static org.assertj.core.api.Assertions.assertThat;
import static se.coop.app.support.Bodies.TEXT_V1;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.Nodes;

/**
 * The zero-setup default: no database configured, so Coop starts its own PostgreSQL with the data under the data
 * directory, and a second start continues where the first stopped — versions, and stored idempotent answers.
 */
class ZeroSetupRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return Nodes.run("--server.port=0", "--coop.data-dir=" + dataDir);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void dataSurvivesARestartAndCommandsContinueAtTheRightVersion() {
        String id;
        String firstAnswer;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getEnvironment().getProperty("spring.datasource.url"))
                    .isNull();
            Api api = api(first);
            Api.Answer drafted = api.as("secretariat")
                    .header("Idempotency-Key", "draft-1")
                    .post("/api/v1/agreements", Bodies.halmstadDraft());
            assertThat(drafted.status()).isEqualTo(201);
            firstAnswer = drafted.body();
            id = drafted.json().get("agreementId").asString();
            api.as("secretariat").post("/api/v1/agreements/" + id + "/submission", "{}");
            Api.Answer signed = api.as("secretariat")
                    .post(
                            "/api/v1/agreements/" + id + "/signatures",
                            Bodies.signature("halmstad", TEXT_V1, "2020-01-20"));
            assertThat(signed.header("ETag")).isEqualTo("\"3\"");
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION")))
                .isTrue();
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")))
                .as("the database was stopped with Coop")
                .isFalse();

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            Api.Answer retried = api.as("secretariat")
                    .header("Idempotency-Key", "draft-1")
                    .post("/api/v1/agreements", Bodies.halmstadDraft());
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.body()).isEqualTo(firstAnswer);

            Api.Answer signed = api.as("secretariat")
                    .header("If-Match", "\"3\"")
                    .post(
                            "/api/v1/agreements/" + id + "/signatures",
                            Bodies.signature("laholm", TEXT_V1, "2020-01-20"));
            assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
            assertThat(signed.header("ETag")).isEqualTo("\"4\"");
        }
    }
}
