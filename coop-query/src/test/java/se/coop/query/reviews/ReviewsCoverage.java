package se.coop.query.reviews;

import java.util.Set;

/** Opens the reviews read model's handled and ignored types to the coverage test. */
public final class ReviewsCoverage {

    private ReviewsCoverage() {}

    public static Set<Class<?>> handled() {
        return ReviewsProjection.HANDLED;
    }

    public static Set<Class<?>> ignored() {
        return ReviewsProjection.IGNORED;
    }
}
