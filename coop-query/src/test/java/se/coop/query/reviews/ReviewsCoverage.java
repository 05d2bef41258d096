package se.coop.query.reviews;

import java.util.Set;

/** Opens the reviews fold's decided types (used or ignored on purpose) to the coverage test. */
public final class ReviewsCoverage {

    private ReviewsCoverage() {}

    public static Set<Class<?>> decided() {
        return ReviewsFold.decidedTypes();
    }
}
