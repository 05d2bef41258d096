package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.time.Duration;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.ErrorCode;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.command.RecordReviewOutcome;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewOutcomeRecorded;

class RecordReviewOutcomeTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final ReviewId REVIEW = ReviewId.of("0d0d0d0d-0d0d-4d0d-8d0d-0d0d0d0d0d0d");

    @Test
    void givenScheduledAndBegun_whenOutcomeRecorded_thenHeld() {
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 1)))
                .andGivenCurrentTime(NOW.plus(Duration.ofDays(1)))
                .when(new RecordReviewOutcome(
                        ID, REVIEW, TODAY.plusDays(1), "Handlingsplan antagen", ReviewDecision.AMEND, null))
                .expectEvents(new ReviewOutcomeRecorded(
                        ID, REVIEW, TODAY.plusDays(1), "Handlingsplan antagen", ReviewDecision.AMEND, null));
    }

    @Test
    void givenScheduledLaterToday_whenOutcomeRecordedBeforeItBegins_thenRefused() {
        // found on a walk: an outcome recorded as held at 00:13 for a meeting set for 00:20 that day
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 1)))
                .andGivenCurrentTime(NOW.plus(Duration.ofDays(1).minusMinutes(7)))
                .when(new RecordReviewOutcome(ID, REVIEW, TODAY.plusDays(1), "x", ReviewDecision.CONTINUE, null))
                .expectException(refusedWith(ErrorCode.REVIEW_NOT_IN_PAST))
                .expectNoEvents();
    }

    @Test
    void givenScheduled_whenHeldOnAFutureDate_thenRefused() {
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 1)))
                .when(new RecordReviewOutcome(ID, REVIEW, TODAY.plusDays(1), "x", ReviewDecision.CONTINUE, null))
                .expectException(refusedWith(ErrorCode.REVIEW_NOT_IN_PAST))
                .expectNoEvents();
    }

    @Test
    void givenCancelled_whenOutcomeRecorded_thenRefused() {
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 1), new ReviewCancelled(ID, REVIEW, "inställt")))
                .when(new RecordReviewOutcome(ID, REVIEW, TODAY, "x", ReviewDecision.CONTINUE, null))
                .expectException(refusedWith(ErrorCode.REVIEW_NOT_SCHEDULED))
                .expectNoEvents();
    }

    @Test
    void givenOutcomeRecorded_whenRecordedAgain_thenRefused() {
        at(
                        fixture,
                        with(
                                inForce(),
                                reviewScheduled(REVIEW, 1),
                                new ReviewOutcomeRecorded(ID, REVIEW, TODAY, "x", ReviewDecision.CONTINUE, null)))
                .when(new RecordReviewOutcome(ID, REVIEW, TODAY, "y", ReviewDecision.CONTINUE, null))
                .expectException(refusedWith(ErrorCode.REVIEW_NOT_SCHEDULED))
                .expectNoEvents();
    }
}
