package se.coop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import se.coop.bench.peer.PeerApplication;

/**
 * The peer takes the bench's lifecycle as Coop does — every command accepted, the agreement in force in its status row
 * — refuses what its aggregate or its validation refuses, and holds no Coop code.
 */
class PeerTest {

    @Test
    void thePeerTakesTheBenchsLifecycleAndRefusesWhatItMust() throws Exception {
        // the tests' class path has Logback (Spring's test starter) beside the bench's slf4j-simple
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext peer = PeerApplication.run(
                        "--server.port=0",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres")) {
            String base = "http://127.0.0.1:" + peer.getEnvironment().getProperty("local.server.port");
            Http secretariat = new Http(base, "secretariat", "secretariat");
            LocalDate today = LocalDate.of(2026, 12, 7);
            List<LifecycleScenario.Party> parties = LifecycleScenario.randomParties();
            Http.Response drafted =
                    secretariat.post("/api/v1/agreements", LifecycleScenario.draft("Samverkan", parties, "klimat"));
            assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
            String id = drafted.json().get("agreementId").asString();
            String position = null;
            for (LifecycleScenario.Command command :
                    LifecycleScenario.lifecycle(id, parties, today, LifecycleScenario.meetingAhead(today, 40))) {
                Http.Response answer = secretariat.post(command.path(), command.body());
                assertThat(answer.status())
                        .as(command.name() + ": " + answer.body())
                        .isEqualTo(200);
                position = answer.header("Coop-Position");
            }
            Http.Response status = secretariat.get("/api/v1/agreements/" + id, "Coop-Min-Position", position);
            assertThat(status.header("Coop-Stale")).isNull();
            assertThat(status.json().get("state").asString()).isEqualTo("IN_FORCE");
            assertThat(status.json().get("version").asLong()).isEqualTo(Long.parseLong(position));

            assertThat(secretariat
                            .post("/api/v1/agreements/" + id + "/submission", "{}")
                            .status())
                    .as("submitted twice")
                    .isEqualTo(409);
            assertThat(secretariat
                            .post("/api/v1/agreements", "{\"title\":{},\"parties\":[]}")
                            .status())
                    .isEqualTo(400);
            assertThat(new Http(base, "secretariat", "wrong")
                            .get("/api/v1/agreements/" + id)
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void thePeerHoldsNoCoopCode() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/se/coop/bench/peer"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                assertThat(Files.readAllLines(source))
                        .as(source.toString())
                        .filteredOn(line -> line.startsWith("import"))
                        .noneMatch(line -> line.contains("se.coop.") && !line.contains("se.coop.bench.peer."));
            }
        }
    }
}
