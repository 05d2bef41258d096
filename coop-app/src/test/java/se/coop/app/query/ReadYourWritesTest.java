package se.coop.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static se.coop.app.support.Bodies.TEXT_V1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** A read that names the position of the client's last write sees that write, without the client polling. */
class ReadYourWritesTest extends IntegrationTest {

    @Test
    void everyReadWithCoopMinPositionSeesTheCommandItFollows() {
        Api.Answer drafted = api.as("secretariat").post("/api/v1/agreements", Bodies.twoPartyDraft());
        String id = drafted.json().get("agreementId").asString();
        seesItsWrite(id, drafted);
        seesItsWrite(id, api.as("secretariat").post("/api/v1/agreements/" + id + "/submission", "{}"));
        for (String party : new String[] {"halmstad", "laholm"}) {
            seesItsWrite(
                    id,
                    api.as("secretariat")
                            .post(
                                    "/api/v1/agreements/" + id + "/signatures",
                                    Bodies.signature(party, TEXT_V1, "2025-01-01")));
            seesItsWrite(
                    id,
                    api.as("secretariat")
                            .post(
                                    "/api/v1/agreements/" + id + "/board-decisions",
                                    Bodies.adoption(party, TEXT_V1, "2025-01-02")));
        }
        assertThat(api.as("reviewer")
                        .get("/api/v1/agreements/" + id)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("IN_FORCE");
    }

    private void seesItsWrite(String id, Api.Answer command) {
        assertThat(command.status()).isIn(200, 201);
        Api.Answer status = api.as("reviewer")
                .header("Coop-Min-Position", command.header("Coop-Position"))
                .get("/api/v1/agreements/" + id);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.header("Coop-Stale")).isNull();
        assertThat(status.header("ETag")).isEqualTo(command.header("ETag"));
        Api.Answer history = api.as("auditor")
                .header("Coop-Min-Position", command.header("Coop-Position"))
                .get("/api/v1/agreements/" + id + "/history");
        int agreementEvents = 0;
        for (JsonNode entry : history.json().get("entries")) {
            if (!entry.get("type").asString().equals("ReviewReminderIssued")) {
                agreementEvents++;
            }
        }
        assertThat(agreementEvents)
                .as("one history entry per event of the agreement, besides its reminders")
                .isEqualTo(command.json().get("version").asInt());
    }

    @Test
    void aReadThatCannotCatchUpInFiveSecondsStillAnswersAndSaysItIsStale() {
        Api.Answer drafted = api.as("secretariat").post("/api/v1/agreements", Bodies.twoPartyDraft());
        long beyond = Long.parseLong(drafted.header("Coop-Position")) + 1_000_000;
        Api.Answer status = api.as("reviewer")
                .header("Coop-Min-Position", Long.toString(beyond))
                .get("/api/v1/agreements/" + drafted.json().get("agreementId").asString());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.header("Coop-Stale")).isEqualTo("true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-1", "9223372036854775808", "1.5"})
    void aMinPositionThatIsNoPositionIsRefusedNamingTheHeader(String position) {
        Api.Answer refused =
                api.as("reviewer").header("Coop-Min-Position", position).get("/api/v1/agreements");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().get("violations").get(0).get("field").asString())
                .isEqualTo("Coop-Min-Position");
    }
}
