package se.coop.bench;

import java.time.LocalDate;
import java.util.List;

/**
 * The agreement whose stored stream the bulk load copies: recorded through Coop like any other, with parties, focus
 * area and title that the copies replace.
 */
record Template(String agreementId, List<LifecycleScenario.Party> parties, String focus, String startsAt) {

    static Template record(Http secretariat, LocalDate today) {
        List<LifecycleScenario.Party> parties = List.of(
                new LifecycleScenario.Party("bench-a", "Bench A", "SE"),
                new LifecycleScenario.Party("bench-b", "Bench B", "SE"),
                new LifecycleScenario.Party("bench-c", "Bench C", "DK"));
        String focus = "benchfocus";
        String startsAt = LifecycleScenario.meetingAhead(today, 400);
        Http.Response drafted = secretariat.post(
                "/api/v1/agreements", LifecycleScenario.draft("Samverkan " + HistoryLoader.NUMBER, parties, focus));
        require(drafted);
        String id = drafted.json().get("agreementId").asString();
        for (LifecycleScenario.Command command : LifecycleScenario.lifecycle(id, parties, today, startsAt)) {
            require(secretariat.post(command.path(), command.body()));
        }
        return new Template(id, parties, focus, startsAt);
    }

    private static void require(Http.Response answer) {
        if (!answer.ok()) {
            throw new IllegalStateException("recording the template failed: " + answer.status() + " " + answer.body());
        }
    }
}
