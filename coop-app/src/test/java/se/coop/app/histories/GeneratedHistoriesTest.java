package se.coop.app.histories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import se.coop.api.event.AgreementEvent;
import se.coop.api.reminder.ReviewReminderIssued;
import se.coop.app.histories.Generator.Step;
import se.coop.app.support.Slow;

/**
 * Lifecycle properties over generated histories (docs/domain.md; the properties are {@link HistoryRun}'s), in memory:
 * the aggregate, the reminder plans and their saga, the status fold, timers fired by the history's clock. Seeded and
 * repeatable: {@code -Dcoop.histories=100000} runs more, {@code -Dcoop.histories.seed=…} others. A failing history is
 * shrunk by deleting steps while the same property still fails, and reported step by step.
 */
@Slow
class GeneratedHistoriesTest {

    static final int HISTORIES = Integer.getInteger("coop.histories", 1000);
    static final long SEED = Long.getLong("coop.histories.seed", 20261201L);
    private static final int BATCH = 20;

    @Test
    void everyGeneratedHistoryKeepsTheLifecycleProperties() {
        int accepted = 0;
        int refused = 0;
        Map<String, Integer> seen = new TreeMap<>();
        for (int batch = 0; batch < HISTORIES; batch += BATCH) {
            // the in-memory event store reads a stream by scanning every event: a fresh one now and then keeps it fast
            try (InMemoryCoop coop = new InMemoryCoop()) {
                for (int i = batch; i < Math.min(HISTORIES, batch + BATCH); i++) {
                    long seed = SEED + i;
                    try {
                        HistoryRun run = HistoryRun.generate(coop, seed);
                        accepted += run.accepted();
                        refused += run.refused();
                        run.eventTypes().forEach(type -> seen.merge(type, 1, Integer::sum));
                    } catch (HistoryRun.Failure failure) {
                        throw shrunk(seed, failure);
                    }
                }
            }
        }
        if (HISTORIES >= 1000) {
            List<String> everyEvent = new ArrayList<>();
            for (Class<?> type : AgreementEvent.class.getPermittedSubclasses()) {
                everyEvent.add(type.getSimpleName());
            }
            everyEvent.add(ReviewReminderIssued.class.getSimpleName());
            assertThat(seen)
                    .as("events the histories recorded, by type")
                    .containsKeys(everyEvent.toArray(String[]::new));
        }
        assertThat(accepted).as("accepted commands").isGreaterThan(HISTORIES * 10);
        assertThat(refused).as("refused commands").isGreaterThan(HISTORIES);
    }

    /** Deletes steps — halves, quarters, … single steps — while the same property still fails. */
    private static AssertionError shrunk(long seed, HistoryRun.Failure original) {
        List<Step> steps = new ArrayList<>(original.steps);
        HistoryRun.Failure smallest = original;
        for (int chunk = Math.max(1, steps.size() / 2); chunk >= 1; chunk /= 2) {
            boolean removed = true;
            while (removed) {
                removed = false;
                for (int from = 0; from + chunk <= steps.size(); from += chunk) {
                    List<Step> candidate = new ArrayList<>(steps);
                    candidate.subList(from, from + chunk).clear();
                    if (candidate.isEmpty()) {
                        continue;
                    }
                    HistoryRun.Failure failure = replay(candidate);
                    if (failure != null && failure.property.equals(original.property)) {
                        steps = candidate;
                        smallest = failure;
                        removed = true;
                        break;
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder("History of seed " + seed + " fails: " + smallest.getMessage())
                .append("\nshrunk from ")
                .append(original.steps.size())
                .append(" to ")
                .append(smallest.steps.size())
                .append(" steps:\n");
        smallest.steps.forEach(step -> report.append("  ").append(step).append('\n'));
        return new AssertionError(report.toString(), smallest);
    }

    private static HistoryRun.Failure replay(List<Step> steps) {
        try (InMemoryCoop coop = new InMemoryCoop()) {
            HistoryRun.replay(coop, steps);
            return null;
        } catch (HistoryRun.Failure failure) {
            return failure;
        }
    }
}
