package se.coop.app.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import se.coop.query.admin.ProcessorStalls;

/**
 * {@code eventProcessors}: DOWN while an event processor on this node is stalled, naming it and the error it retries,
 * so that the node's health and readiness say what its read models and reminders cannot: that they stopped moving.
 */
@Component("eventProcessors")
class EventProcessorsHealth implements HealthIndicator {

    private final ProcessorStalls stalls;

    EventProcessorsHealth(ProcessorStalls stalls) {
        this.stalls = stalls;
    }

    @Override
    public Health health() {
        List<ProcessorStalls.ProcessorState> stalled = stalls.stalled();
        if (stalled.isEmpty()) {
            return Health.up().build();
        }
        Map<String, String> details = new LinkedHashMap<>();
        stalled.forEach(state -> details.put(state.name(), state.error()));
        return Health.down().withDetail("stalled", details).build();
    }
}
