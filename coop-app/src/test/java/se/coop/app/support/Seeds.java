package se.coop.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import se.coop.api.BusinessTime;
import se.coop.command.demo.DemoSeed;
import tools.jackson.databind.JsonNode;

/**
 * Drives a seed of the demo data set ({@code coop-command/src/main/resources/demo}) through the HTTP API as the
 * secretariat, request by request, and reads back what each role sees.
 */
public final class Seeds {

    private final Api api;
    private final Map<String, DemoSeed.Answer> answers;
    private final long position;

    private Seeds(Api api, Map<String, DemoSeed.Answer> answers, long position) {
        this.api = api;
        this.answers = answers;
        this.position = position;
    }

    public static Seeds drive(Api api, String seed) {
        AtomicLong position = new AtomicLong();
        Map<String, DemoSeed.Answer> answers = DemoSeed.named(Api.JSON, seed)
                .load(
                        "seed-test-" + UUID.randomUUID(),
                        (key, path, body) -> {
                            Api.Answer answer = api.as("secretariat")
                                    .header("Idempotency-Key", key)
                                    .post(path, body == null ? "{}" : body.toString());
                            assertThat(answer.status()).as(path + " " + answer).isIn(200, 201);
                            JsonNode json = answer.json();
                            position.accumulateAndGet(json.get("position").asLong(), Math::max);
                            return new DemoSeed.Answer(
                                    json.get("agreementId").asString(),
                                    json.get("id").isNull()
                                            ? null
                                            : json.get("id").asString(),
                                    answer.header("Idempotent-Replayed") != null);
                        },
                        agreementId -> LocalDate.ofInstant(
                                Instant.parse(api.as("auditor")
                                        .get("/api/v1/agreements/" + agreementId + "/events")
                                        .json()
                                        .get("events")
                                        .get(0)
                                        .get("recordedAt")
                                        .asString()),
                                BusinessTime.ZONE));
        return new Seeds(api, answers, position.get());
    }

    /** The agreement a step of the seed created or acted on. */
    public String agreement(String step) {
        return answers.get(step).agreementId();
    }

    /** What a step created (a decision, a meeting, a document). */
    public String created(String step) {
        return answers.get(step).id();
    }

    public Map<String, DemoSeed.Answer> answers() {
        return answers;
    }

    /** The status view as {@code user} reads it. */
    public JsonNode status(String user, String step) {
        return read(user, "/api/v1/agreements/" + agreement(step));
    }

    /** A read that waits until the read models hold everything the seed wrote. */
    public JsonNode read(String user, String path) {
        Api.Answer answer = api.as(user)
                .header("Coop-Min-Position", Long.toString(position))
                .get(path);
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
        assertThat(answer.header("Coop-Stale")).as(path).isNull();
        return answer.json();
    }

    /** The history's summaries, in order, in {@code lang}. */
    public List<String> history(String step, String lang) {
        List<String> lines = new ArrayList<>();
        read("auditor", "/api/v1/agreements/" + agreement(step) + "/history?lang=" + lang)
                .get("entries")
                .forEach(entry -> lines.add(entry.get("summary").asString()));
        return lines;
    }

    /** The history's event types, in order. */
    public List<String> historyTypes(String step) {
        List<String> types = new ArrayList<>();
        read("auditor", "/api/v1/agreements/" + agreement(step) + "/history")
                .get("entries")
                .forEach(entry -> types.add(entry.get("type").asString()));
        return types;
    }

    /** The state on {@code date} by the decisions' own dates. */
    public String stateOn(String step, String date) {
        return read("auditor", "/api/v1/agreements/" + agreement(step) + "?validOn=" + date)
                .get("state")
                .asString();
    }

    /** The meetings of the agreement {@code step} made, as a reviewer lists them, as "status kind date title". */
    public List<String> meetings(String step, String query) {
        List<String> meetings = new ArrayList<>();
        read("reviewer", "/api/v1/reviews?from=1990-01-01&to=2100-01-01&" + query)
                .get("content")
                .forEach(meeting -> {
                    if (meeting.get("agreementId").asString().equals(agreement(step))) {
                        String day = meeting.get("startsAt").isNull()
                                ? meeting.get("heldOn").asString()
                                : meeting.get("startsAt").asString().substring(0, 10);
                        meetings.add(meeting.get("status").asString() + " "
                                + meeting.get("kind").asString() + " " + day + " "
                                + (meeting.get("title").isNull()
                                        ? ""
                                        : meeting.get("title").asString()));
                    }
                });
        return meetings;
    }
}
