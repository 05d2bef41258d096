package se.coop.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.Nodes;
import se.coop.app.support.Secretariat;

/**
 * {@code coop.roles}: a command node and a query node on one database. Commands go to the one, the read models live on
 * the other, and what is written on the first is read on the second.
 */
class SplitNodesTest {

    private static ConfigurableApplicationContext start(String roles) {
        return Nodes.start("split", "--coop.roles=" + roles);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return Nodes.api(context);
    }

    @Test
    void aCommandNodeWritesAndAQueryNodeReads() {
        try (ConfigurableApplicationContext commands = start("command");
                ConfigurableApplicationContext queries = start("query")) {
            Api writer = api(commands);
            Api reader = api(queries);

            Secretariat secretariat = new Secretariat(writer);
            String id = secretariat.draft(Bodies.twoPartyDraft());
            long position = secretariat.position();

            Api.Answer status = reader.as("secretariat")
                    .header("Coop-Min-Position", Long.toString(position))
                    .get("/api/v1/agreements/" + id);
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.header("Coop-Stale")).isNull();
            assertThat(status.json().get("state").asString()).isEqualTo("DRAFT");

            // each node answers only what it is for
            assertThat(reader.as("secretariat")
                            .post("/api/v1/agreements", Bodies.twoPartyDraft())
                            .status())
                    .isIn(404, 405);
            assertThat(writer.as("secretariat").get("/api/v1/agreements/" + id).status())
                    .isIn(404, 405);
            // the read models are processed on the query node only; reminders are planned on the command node
            EventProcessingConfiguration onWriter = commands.getBean(EventProcessingConfiguration.class);
            EventProcessingConfiguration onReader = queries.getBean(EventProcessingConfiguration.class);
            assertThat(onWriter.eventProcessor("status")).isEmpty();
            assertThat(onReader.eventProcessor("status")).isPresent();
            assertThat(onWriter.eventProcessor("reminder-planning")).isPresent();
            assertThat(onReader.eventProcessor("reminder-planning")).isEmpty();
        }
    }

    @Test
    void anUnknownRoleStopsTheStart() {
        assertThatThrownBy(() -> start("commands"))
                .hasRootCauseMessage("coop.roles is 'commands', which is not a role of a Coop node.");
    }
}
