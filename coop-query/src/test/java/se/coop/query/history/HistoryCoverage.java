package se.coop.query.history;

import java.util.Set;

/** Opens the history wording's handled types to the coverage test. */
public final class HistoryCoverage {

    private HistoryCoverage() {}

    public static Set<Class<?>> handled() {
        return HistoryWording.handledTypes();
    }
}
