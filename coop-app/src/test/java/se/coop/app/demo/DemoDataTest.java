package se.coop.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.coop.app.support.Api;
import se.coop.app.support.Nodes;
import se.coop.app.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * {@code --coop.demo=true} records the five seed cooperations at start, through the command endpoints as the
 * secretariat; a second start finds them recorded and writes nothing.
 */
class DemoDataTest {

    private static ConfigurableApplicationContext start() {
        return Nodes.run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url("demo"),
                "--spring.datasource.username=postgres",
                "--coop.demo=true");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static List<String> agreements(Api api) {
        List<String> titles = new ArrayList<>();
        api.as("reviewer")
                .get("/api/v1/agreements?size=100")
                .json()
                .get("content")
                .forEach(a -> titles.add(a.get("state").asString() + " "
                        + (a.get("title").get("sv").isNull()
                                ? a.get("title").get("da").asString()
                                : a.get("title").get("sv").asString())));
        return titles;
    }

    private static long agreementEvents(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type = 'Agreement'", Long.class);
    }

    @Test
    void theFiveSeedsAreLoadedOnceHoweverOftenCoopStarts() {
        List<String> loaded;
        long events;
        long answers;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(agreements(api)).hasSize(9));
            loaded = agreements(api);
            assertThat(loaded)
                    .contains(
                            "ARCHIVED Samarbetsavtal mellan Køge och Kristianstad",
                            "IN_FORCE HH-samarbetet mellan Helsingborg och Helsingør",
                            "IN_FORCE HH Cityclub – kulturupplevelser i HH tillsammans med Scandlines",
                            "IN_FORCE Avsiktsförklaring om samverkan för hållbar tillväxt i den funktionella regionen"
                                    + " runt Halmstad",
                            "EXPIRED Livskraftigt Skåne – livskraftiga orter i nordvästra Skåne",
                            "IN_FORCE Tillväxtmotorn Kristianstad Hässleholm – gemensam strategi");
            JsonNode withACompany = api.as("auditor")
                    .get("/api/v1/agreements?size=100&q=Scandlines")
                    .json();
            assertThat(withACompany.get("totalElements").asLong()).isEqualTo(1);
            // every party of the demo's agreements is in the party register, so that a draft can pick it there
            List<String> notRegistered = new ArrayList<>();
            api.as("auditor")
                    .get("/api/v1/agreements?size=100")
                    .json()
                    .get("content")
                    .forEach(a -> a.get("parties").forEach(p -> {
                        String party = p.get("partyId").asString();
                        if (api.as("auditor").get("/api/v1/parties/" + party).status() != 200) {
                            notRegistered.add(party);
                        }
                    }));
            assertThat(notRegistered)
                    .as("demo parties missing from the party register")
                    .isEmpty();
            events = agreementEvents(jdbc);
            answers = jdbc.queryForObject(
                    "SELECT count(*) FROM idempotent_request WHERE principal = 'secretariat'"
                            + " AND idempotency_key LIKE 'coop-demo/%'",
                    Long.class);
            List<String> actors = jdbc.queryForList(
                    "SELECT DISTINCT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' FROM domain_event_entry"
                            + " WHERE type = 'Agreement'",
                    String.class);
            assertThat(actors).as("recorded as the secretariat would").containsExactly("secretariat");

            // every document a seed names is held, and veraPDF finds each one PDF/A-2b
            List<String> notHeld = new ArrayList<>();
            api.as("auditor")
                    .get("/api/v1/agreements?size=100")
                    .json()
                    .get("content")
                    .forEach(a -> api.as("auditor")
                            .get("/api/v1/agreements/" + a.get("agreementId").asString() + "/documents")
                            .json()
                            .get("documents")
                            .forEach(d -> {
                                if (!d.get("held").asBoolean()) {
                                    notHeld.add(d.get("sha256").asString());
                                }
                            }));
            assertThat(notHeld).as("named by a seed and not held").isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM document", Long.class))
                    .isGreaterThanOrEqualTo(11);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(jdbc.queryForList(
                                    "SELECT DISTINCT coalesce(pdfa_status, 'none') || ' ' || coalesce(pdfa_flavour, '')"
                                            + " FROM document",
                                    String.class))
                            .containsExactly("COMPLIANT 2b"));
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(agreementEvents(jdbc)).as("nothing written again").isEqualTo(events);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM idempotent_request WHERE idempotency_key LIKE 'coop-demo/%'",
                            Long.class))
                    .isEqualTo(answers);
            assertThat(agreements(api)).containsExactlyElementsOf(loaded);
        }
    }
}
