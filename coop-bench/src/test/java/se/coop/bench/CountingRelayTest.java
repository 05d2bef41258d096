package se.coop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay counts what pgjdbc sends, as the wire carries it: statements and round trips. */
class CountingRelayTest {

    private static EmbeddedPostgres postgres;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        url = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE counted (n INT)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void eachQueryAloneIsOneStatementAndOneRoundTrip() throws Exception {
        try (CountingRelay relay = CountingRelay.to(url);
                Connection connection = DriverManager.getConnection(relay.url(url));
                PreparedStatement select = connection.prepareStatement("SELECT ?")) {
            long statements = relay.statements();
            long roundTrips = relay.roundTrips();
            for (int i = 0; i < 3; i++) {
                select.setInt(1, i);
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                }
            }
            assertThat(relay.statements() - statements).isEqualTo(3);
            assertThat(relay.roundTrips() - roundTrips).isEqualTo(3);
        }
    }

    @Test
    void aTransactionCountsItsBeginAndCommitAndABatchGoesInOneRoundTrip() throws Exception {
        try (CountingRelay relay = CountingRelay.to(url);
                Connection connection = DriverManager.getConnection(relay.url(url));
                PreparedStatement insert = connection.prepareStatement("INSERT INTO counted VALUES (?)")) {
            connection.setAutoCommit(false);
            long statements = relay.statements();
            long roundTrips = relay.roundTrips();
            for (int i = 0; i < 5; i++) {
                insert.setInt(1, i);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            // BEGIN goes with the batch; the five inserts in one round trip; COMMIT in another
            assertThat(relay.statements() - statements).isEqualTo(1 + 5 + 1);
            assertThat(relay.roundTrips() - roundTrips).isEqualTo(2);
        }
    }

    @Test
    void theUrlThroughTheRelayKeepsItsDatabaseAndParameters() {
        try (CountingRelay relay = CountingRelay.to("jdbc:postgresql://localhost:5432/coop?user=postgres")) {
            assertThat(relay.url("jdbc:postgresql://localhost:5432/coop?user=postgres"))
                    .matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/coop\\?user=postgres&sslmode=disable"
                            + "&gssEncMode=disable");
        }
        assertThat(Bench.databaseUrl("jdbc:postgresql://localhost:5432/postgres?user=postgres", "coop_peer"))
                .isEqualTo("jdbc:postgresql://localhost:5432/coop_peer?user=postgres");
    }
}
