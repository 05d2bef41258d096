package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.ErrorCode;
import se.coop.api.Participant;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.ReviewOutcome;
import se.coop.api.command.RecordHeldReview;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.ReviewHeld;

class RecordHeldReviewTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final ReviewId REVIEW = ReviewId.of("12345678-1234-4234-8234-123456789012");
    private static final ReviewOutcome CONTINUE = new ReviewOutcome("Samarbetet fortsätter", ReviewDecision.CONTINUE);

    private static RecordHeldReview held(LocalDate on) {
        return new RecordHeldReview(
                ID, REVIEW, ReviewKind.MEETING, on, "Klippan", List.of(reviewer(LAHOLM)), CONTINUE, "Workshop 6", null);
    }

    @Test
    void givenInForce_whenAPastMeetingIsRecorded_thenHeldWithItsOutcome() {
        LocalDate on = TODAY.minusDays(7);
        at(fixture, inForce())
                .when(held(on))
                .expectEvents(new ReviewHeld(
                        ID,
                        REVIEW,
                        ReviewKind.MEETING,
                        on,
                        "Klippan",
                        List.of(Participant.of(reviewer(LAHOLM))),
                        "Workshop 6",
                        "Samarbetet fortsätter",
                        ReviewDecision.CONTINUE,
                        null));
    }

    @Test
    void givenInForce_whenTheMeetingLiesInTheFuture_thenRefused() {
        at(fixture, inForce())
                .when(held(TODAY.plusDays(1)))
                .expectException(refusedWith(ErrorCode.REVIEW_NOT_IN_PAST))
                .expectNoEvents();
    }

    @Test
    void givenInForce_whenTheMeetingWasBeforeEntryIntoForce_thenRefused() {
        at(fixture, inForce())
                .when(held(LocalDate.of(2025, 6, 1)))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void givenExpired_whenAMeetingHeldDuringTheTermIsRecordedLate_thenAccepted() {
        at(fixture, with(inForce(), new AgreementExpired(ID, TODAY.minusDays(2))))
                .when(held(TODAY.minusDays(5)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenExpired_whenTheMeetingWasAfterTheEnd_thenRefused() {
        at(fixture, with(inForce(), new AgreementExpired(ID, TODAY.minusDays(5))))
                .when(held(TODAY.minusDays(2)))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void givenDraft_whenAMeetingIsRecorded_thenRefused() {
        at(fixture, drafted())
                .when(held(TODAY.minusDays(1)))
                .expectException(refusedWith(ErrorCode.WRONG_STATE))
                .expectNoEvents();
    }
}
