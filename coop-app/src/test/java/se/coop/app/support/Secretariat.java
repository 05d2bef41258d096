package se.coop.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives agreements through the HTTP API as the secretariat does, checking each command is accepted, and reads back
 * with {@code Coop-Min-Position} so every read sees the last write.
 */
public final class Secretariat {

    private final Api api;
    private long position;

    public Secretariat(Api api) {
        this.api = api;
    }

    public String draft(Map<String, Object> body) {
        return command("/api/v1/agreements", body).json().get("agreementId").asString();
    }

    public Api.Answer submit(String id) {
        return command("/api/v1/agreements/" + id + "/submission", Map.of());
    }

    public Api.Answer sign(String id, String party, String sha, String on) {
        return command("/api/v1/agreements/" + id + "/signatures", Bodies.signature(party, sha, on));
    }

    public Api.Answer adopt(String id, String party, String sha, String on) {
        return command("/api/v1/agreements/" + id + "/board-decisions", Bodies.adoption(party, sha, on));
    }

    public Api.Answer decide(String id, String party, String sha, String on, String outcome) {
        return command("/api/v1/agreements/" + id + "/board-decisions", Bodies.decision(party, sha, on, outcome));
    }

    /** Posts a command to a path of the agreement API; it must be accepted. */
    public Api.Answer command(String path, Object body) {
        Api.Answer answer = api.as("secretariat").post(path, body);
        assertThat(answer.status()).as(path + " → " + answer).isIn(200, 201);
        position = Math.max(position, answer.json().get("position").asLong());
        return answer;
    }

    /** Every party of {@link Bodies#halmstadDraft()} signs and adopts: the agreement enters into force. */
    public void approveByAll(String id, String sha, String on) {
        for (String party : Bodies.PARTIES) {
            sign(id, party, sha, on);
            adopt(id, party, sha, on);
        }
    }

    /**
     * Drafts {@code draft}, submits it, and has each of its parties sign and adopt it (by its own adopting body) on
     * {@code approvedOn}: the agreement is then in force.
     */
    public String inForce(Map<String, Object> draft, LocalDate approvedOn) {
        String id = draft(draft);
        submit(id);
        for (Object p : (List<?>) draft.get("parties")) {
            Map<?, ?> party = (Map<?, ?>) p;
            String partyId = (String) party.get("partyId");
            sign(id, partyId, Bodies.TEXT_V1, approvedOn.toString());
            Map<String, Object> adoption =
                    new LinkedHashMap<>(Bodies.adoption(partyId, Bodies.TEXT_V1, approvedOn.toString()));
            adoption.put("body", party.get("adoptingBody"));
            command("/api/v1/agreements/" + id + "/board-decisions", adoption);
        }
        return id;
    }

    /** Schedules an annual review at {@code startsAt} with one reviewer for Halmstad; returns the meeting's id. */
    public String scheduleReview(
            String agreementId, OffsetDateTime startsAt, String location, String reviewerName, String reviewerEmail) {
        return command(
                        "/api/v1/agreements/" + agreementId + "/reviews",
                        Bodies.review(startsAt.toString(), location, reviewerName, reviewerEmail, "halmstad"))
                .json()
                .get("id")
                .asString();
    }

    /** Requests by {@code user} that wait for everything this secretariat wrote. */
    public Api.Request reader(String user) {
        return api.as(user).header("Coop-Min-Position", Long.toString(position));
    }

    /**
     * A read by {@code user} that waits for everything this secretariat wrote: asked again while Coop answers it stale
     * (its patience ran out on a loaded machine, or other readers held every wait).
     */
    public Api.Answer read(String user, String path) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> api.as(user)
                                .header("Coop-Min-Position", Long.toString(position))
                                .get(path),
                        answer -> answer.header("Coop-Stale") == null);
    }

    public long position() {
        return position;
    }
}
