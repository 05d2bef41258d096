package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.ErrorCode;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.command.CancelReview;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewOutcomeRecorded;

class CancelReviewTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final ReviewId REVIEW = ReviewId.of("c0c0c0c0-c0c0-4c0c-8c0c-c0c0c0c0c0c0");

    @Test
    void givenScheduled_whenCancelled_thenCancelledWithTheReason() {
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 10)))
                .when(new CancelReview(ID, REVIEW, " ersätts av digitalt möte "))
                .expectEvents(new ReviewCancelled(ID, REVIEW, "ersätts av digitalt möte"));
    }

    @Test
    void givenHeld_whenCancelled_thenRefused() {
        at(
                        fixture,
                        with(
                                inForce(),
                                reviewScheduled(REVIEW, 10),
                                new ReviewOutcomeRecorded(ID, REVIEW, TODAY, "ok", ReviewDecision.CONTINUE, null)))
                .when(new CancelReview(ID, REVIEW, "för sent"))
                .expectException(refusedWith(ErrorCode.REVIEW_NOT_SCHEDULED))
                .expectNoEvents();
    }

    @Test
    void givenNoSuchMeeting_whenCancelled_thenNotFound() {
        at(fixture, inForce())
                .when(new CancelReview(ID, REVIEW, "?"))
                .expectException(refusedWith(ErrorCode.REVIEW_NOT_FOUND))
                .expectNoEvents();
    }
}
