package se.coop.query.status;

import java.util.Set;

/** Opens the status fold's handled types to the coverage test. */
public final class StatusCoverage {

    private StatusCoverage() {}

    public static Set<Class<?>> handled() {
        return StatusFold.handledTypes();
    }

    public static Set<Class<?>> dated() {
        return StatusFold.datedTypes();
    }
}
