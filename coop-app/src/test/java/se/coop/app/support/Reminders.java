package se.coop.app.support;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The reminders issued to a reviewer, as a reviewer reads them. */
public final class Reminders {

    private Reminders() {}

    /** Every reminder issued to {@code reviewer} (an address or a contact id), newest first. */
    public static List<JsonNode> to(Api api, String reviewer) {
        List<JsonNode> found = new ArrayList<>();
        api.as("reviewer")
                .get("/api/v1/reminders?since=2000-01-01&reviewer=" + reviewer)
                .json()
                .get("reminders")
                .forEach(found::add);
        return found;
    }
}
