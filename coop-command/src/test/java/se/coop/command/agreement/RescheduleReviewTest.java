package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.ErrorCode;
import se.coop.api.ReviewId;
import se.coop.api.command.RescheduleReview;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewRescheduled;

class RescheduleReviewTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final ReviewId REVIEW = ReviewId.of("abcdefab-cdef-4abc-8def-abcdefabcdef");

    @Test
    void givenScheduled_whenRescheduled_thenMoved() {
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 10)))
                .when(new RescheduleReview(ID, REVIEW, inDays(20), "Stadshuset", "krock med budget"))
                .expectEvents(new ReviewRescheduled(ID, REVIEW, inDays(20), "Stadshuset", "krock med budget"));
    }

    @Test
    void givenScheduled_whenMovedIntoThePast_thenRefused() {
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 10)))
                .when(new RescheduleReview(ID, REVIEW, inDays(-2), null, null))
                .expectException(refusedWith(ErrorCode.REVIEW_NOT_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void givenNoSuchMeeting_whenRescheduled_thenNotFound() {
        at(fixture, inForce())
                .when(new RescheduleReview(ID, REVIEW, inDays(20), null, null))
                .expectException(refusedWith(ErrorCode.REVIEW_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void givenCancelled_whenRescheduled_thenRefused() {
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 10), new ReviewCancelled(ID, REVIEW, "inställt")))
                .when(new RescheduleReview(ID, REVIEW, inDays(20), null, null))
                .expectException(refusedWith(ErrorCode.REVIEW_NOT_SCHEDULED))
                .expectNoEvents();
    }
}
