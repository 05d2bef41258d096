package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.ErrorCode;
import se.coop.api.Participant;
import se.coop.api.PartyId;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.Reviewer;
import se.coop.api.command.ScheduleAnnualReview;
import se.coop.api.event.NoticeGiven;
import se.coop.api.event.ReviewScheduled;

class ScheduleAnnualReviewTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final ReviewId REVIEW = ReviewId.of("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");

    private static ScheduleAnnualReview schedule(int inDays, List<Reviewer> reviewers) {
        return new ScheduleAnnualReview(
                ID, REVIEW, ReviewKind.ANNUAL_REVIEW, inDays(inDays), " Rådhuset ", reviewers, "Årlig uppföljning");
    }

    @Test
    void givenInForce_whenReviewScheduledInTheFuture_thenScheduled() {
        at(fixture, inForce())
                .when(schedule(40, List.of(reviewer(HALMSTAD))))
                .expectEvents(new ReviewScheduled(
                        ID,
                        REVIEW,
                        ReviewKind.ANNUAL_REVIEW,
                        inDays(40),
                        "Rådhuset",
                        List.of(Participant.of(reviewer(HALMSTAD))),
                        "Årlig uppföljning"))
                .expectResultMessagePayload(REVIEW.toString());
    }

    @Test
    void givenNoticesThatLeaveTooFewParties_whenScheduledAfterTheAgreementEnds_thenRefused() {
        // Laholm and Helsingør both gave notice: when the second leaves, Halmstad is alone and the agreement ends
        at(
                        fixture,
                        with(
                                inForce(),
                                new NoticeGiven(ID, LAHOLM, TODAY, TODAY.plusDays(100), null),
                                new NoticeGiven(ID, HELSINGOR, TODAY, TODAY.plusDays(200), null)))
                .when(schedule(250, List.of(reviewer(HALMSTAD))))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
        at(fixture(), with(inForce(), new NoticeGiven(ID, LAHOLM, TODAY, TODAY.plusDays(100), null)))
                .when(schedule(250, List.of(reviewer(HALMSTAD))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenInForce_whenScheduledInThePast_thenRefusedByRuleSeven() {
        at(fixture, inForce())
                .when(schedule(-1, List.of(reviewer(HALMSTAD))))
                .expectException(refusedWith(ErrorCode.REVIEW_NOT_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void givenInForce_whenScheduledWithoutReviewers_thenRefused() {
        at(fixture, inForce())
                .when(schedule(10, List.of()))
                .expectException(refusedWith(ErrorCode.REVIEWER_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void givenInForce_whenAReviewerRepresentsNoParty_thenRefused() {
        at(fixture, inForce())
                .when(schedule(10, List.of(reviewer(PartyId.of("ljungby")))))
                .expectException(refusedWith(ErrorCode.PARTY_NOT_IN_AGREEMENT))
                .expectNoEvents();
    }

    @Test
    void givenAwaitingApproval_whenReviewScheduled_thenRefusedBecauseOnlyAgreementsInForceAreReviewed() {
        at(fixture, drafted(), submitted())
                .when(schedule(10, List.of(reviewer(HALMSTAD))))
                .expectException(refusedWith(ErrorCode.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenAMeetingWithThisId_whenScheduledAgain_thenRefused() {
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 5)))
                .when(schedule(10, List.of(reviewer(HALMSTAD))))
                .expectException(refusedWith(ErrorCode.DUPLICATE_ID))
                .expectNoEvents();
    }
}
