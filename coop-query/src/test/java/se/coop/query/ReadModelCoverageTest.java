package se.coop.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import se.coop.api.event.AgreementEvent;
import se.coop.query.history.HistoryCoverage;
import se.coop.query.reviews.ReviewsCoverage;
import se.coop.query.status.StatusCoverage;

/**
 * Java 17 has no pattern switch over the sealed event set, so this test does its work: every agreement event is
 * folded into the status, worded in the history, and either used or knowingly ignored by the reviews fold — each read model routes
 * events through a table of its own, one entry per event type.
 */
class ReadModelCoverageTest {

    private static final Set<Class<?>> EVENTS = Set.of(AgreementEvent.class.getPermittedSubclasses());

    @Test
    void theStatusFoldHandlesEveryEvent() {
        assertThat(StatusCoverage.handled()).containsExactlyInAnyOrderElementsOf(EVENTS);
    }

    @Test
    void theStatusFoldKnowsFromWhichDayEveryEventHolds() {
        assertThat(StatusCoverage.dated()).containsExactlyInAnyOrderElementsOf(EVENTS);
    }

    @Test
    void theHistoryWordsEveryEvent() {
        assertThat(HistoryCoverage.handled()).containsExactlyInAnyOrderElementsOf(EVENTS);
    }

    @Test
    void theReviewsReadModelDecidesOnEveryEvent() {
        assertThat(ReviewsCoverage.decided()).containsExactlyInAnyOrderElementsOf(EVENTS);
    }
}
