package se.coop.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.coop.app.support.DatabaseDump;
import se.coop.app.support.TestDatabase;

/**
 * The issued reminders became a read model of their own (V108): on a database written before, its rows keep their
 * place, and its processor carries on where the reviews read model — which listed them until then — had come, so it
 * does not read the whole store again (and read-your-writes does not wait for it meanwhile).
 */
class IssuedRemindersMigrationTest {

    private static final String DUMP = "/compat/coop-before-issue-12.sql.gz";
    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";

    private static JdbcTemplate restored(String database) {
        String url = TestDatabase.url(database);
        DatabaseDump.restore(DUMP, url, "postgres");
        return new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
    }

    private static void migrate(JdbcTemplate jdbc) {
        Flyway.configure()
                .dataSource(jdbc.getDataSource())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    private static void token(JdbcTemplate jdbc, int segment, String json, String type) {
        jdbc.update("DELETE FROM token_entry WHERE processor_name = 'reviews' AND segment = ?", segment);
        jdbc.update(
                "INSERT INTO token_entry (processor_name, segment, token, token_type, time_stamp)"
                        + " VALUES ('reviews', ?, ?, ?, '2026-02-20T08:00:24.135Z')",
                segment,
                json.getBytes(StandardCharsets.UTF_8),
                type);
    }

    private static List<String> remindersTokens(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "SELECT segment || ' ' || convert_from(token, 'UTF8') || ' ' || token_type FROM token_entry"
                        + " WHERE processor_name = 'reminders'",
                String.class);
    }

    @Test
    void itsProcessorStartsAtTheLowestPositionOfTheReviewsSegmentsWithThatSegmentsGaps() {
        JdbcTemplate jdbc = restored("issued_reminders_behind");
        token(jdbc, 0, "{\"index\":154,\"gaps\":[]}", GAP_AWARE);
        token(jdbc, 1, "{\"index\":150,\"gaps\":[147,149]}", GAP_AWARE);

        migrate(jdbc);

        assertThat(remindersTokens(jdbc)).containsExactly("0 {\"index\":150,\"gaps\":[147,149]} " + GAP_AWARE);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM projection_state WHERE name = 'reminders'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM pg_tables WHERE tablename IN ('review_reminder', 'issued_reminder')",
                        Long.class))
                .as("the table renamed, not copied")
                .isEqualTo(1);
    }

    @Test
    void whileTheReviewsModelWasBeingRebuiltItsProcessorStartsFromTheBeginning() {
        JdbcTemplate jdbc = restored("issued_reminders_replaying");
        token(jdbc, 0, "{\"index\":154,\"gaps\":[]}", GAP_AWARE);
        token(
                jdbc,
                1,
                "{\"tokenAtReset\":{\"index\":154,\"gaps\":[]},\"currentToken\":{\"index\":20,\"gaps\":[]}}",
                "org.axonframework.eventhandling.ReplayToken");

        migrate(jdbc);

        assertThat(remindersTokens(jdbc)).isEmpty();
    }
}
