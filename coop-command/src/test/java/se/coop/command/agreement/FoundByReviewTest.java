package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.AgreementText;
import se.coop.api.AmendmentId;
import se.coop.api.BusinessTime;
import se.coop.api.ErrorCode;
import se.coop.api.Participant;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.ReviewOutcome;
import se.coop.api.command.GiveNotice;
import se.coop.api.command.ProposeAmendment;
import se.coop.api.command.RecordHeldReview;
import se.coop.api.command.RecordReviewOutcome;
import se.coop.api.command.RescheduleReview;
import se.coop.api.command.ReviseDraft;
import se.coop.api.command.ScheduleAnnualReview;
import se.coop.api.command.TerminateAgreement;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.AmendmentProposed;
import se.coop.api.event.NoticeGiven;
import se.coop.api.event.PartyLeft;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewScheduled;
import se.coop.api.event.TerminationCause;
import se.coop.api.event.TerminationDecided;
import se.coop.api.event.TextDescriptionCorrected;

/**
 * What a review of issue 12 found by reading the change against docs/domain.md and trying it over HTTP; each rule it
 * names is in docs/domain.md.
 */
class FoundByReviewTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final ReviewId REVIEW = ReviewId.of("0e0e0e0e-1111-4222-8333-444455556666");
    private static final ReviewId LATER = ReviewId.of("0e0e0e0e-1111-4222-8333-444455556667");
    private static final LocalDate LEAVES = TODAY.plusMonths(6);

    private static ReviewScheduled scheduledWith(ReviewId review, int inDays, se.coop.api.PartyId party) {
        return new ReviewScheduled(
                ID,
                review,
                ReviewKind.ANNUAL_REVIEW,
                inDays(inDays),
                "Rådhuset",
                List.of(Participant.of(reviewer(party))),
                null);
    }

    // ------------------------------------------------------------ the end cancels the meetings after it

    @Test
    void givenAMeetingToCome_whenTheAgreementIsTerminatedToday_thenTheMeetingIsCancelled() {
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 20)))
                .when(new TerminateAgreement(ID, "Samarbetet avslutas", TODAY))
                .expectEvents(
                        new AgreementTerminated(ID, "Samarbetet avslutas", TODAY, TerminationCause.DECISION),
                        new ReviewCancelled(ID, REVIEW, "the agreement ends on " + TODAY));
    }

    @Test
    void givenMeetingsBeforeAndAfter_whenATerminationIsDecidedForADayBetween_thenOnlyTheLaterOneIsCancelled() {
        LocalDate ends = TODAY.plusDays(30);
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 20), reviewScheduled(LATER, 40)))
                .when(new TerminateAgreement(ID, "Samarbetet avslutas", ends))
                .expectEvents(
                        new TerminationDecided(ID, "Samarbetet avslutas", ends),
                        new ReviewCancelled(ID, LATER, "the agreement ends on " + ends));
    }

    @Test
    void
            givenTwoPartiesAndAMeetingAfterTheNoticePeriod_whenThePartyLeaves_thenTheAgreementEndsAndTheMeetingIsCancelled() {
        LocalDate on = LocalDate.of(2026, 2, 2);
        at(
                        fixture,
                        drafted(List.of(HALMSTAD_PARTY, LAHOLM_PARTY), UNTIL_FURTHER_NOTICE),
                        submitted(),
                        signed(HALMSTAD, on),
                        adopted(HALMSTAD, on),
                        signed(LAHOLM, on),
                        adopted(LAHOLM, on),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, on),
                        reviewScheduled(REVIEW, 200))
                .andGivenCommands(new GiveNotice(ID, LAHOLM, TODAY, null))
                .whenTimeAdvancesTo(BusinessTime.startOf(LEAVES))
                .expectEvents(
                        new PartyLeft(ID, LAHOLM, LEAVES),
                        new AgreementTerminated(
                                ID,
                                "fewer than two parties remain after 'laholm' left",
                                LEAVES,
                                TerminationCause.TOO_FEW_PARTIES),
                        new ReviewCancelled(ID, REVIEW, "the agreement ends on " + LEAVES));
    }

    @Test
    void givenAnAgreementTerminatedOnADay_whenAMeetingIsRecordedAsHeldThatDay_thenRefused() {
        LocalDate ended = TODAY.minusDays(5);
        at(fixture, with(inForce(), new AgreementTerminated(ID, "slut", ended, TerminationCause.DECISION)))
                .when(held(ended))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void givenAnAgreementTerminatedOnADay_whenAMeetingIsRecordedAsHeldTheDayBefore_thenRecorded() {
        LocalDate ended = TODAY.minusDays(5);
        at(fixture, with(inForce(), new AgreementTerminated(ID, "slut", ended, TerminationCause.DECISION)))
                .when(held(ended.minusDays(1)))
                .expectSuccessfulHandlerExecution();
    }

    private static RecordHeldReview held(LocalDate on) {
        return new RecordHeldReview(
                ID,
                REVIEW,
                ReviewKind.ANNUAL_REVIEW,
                on,
                null,
                List.of(reviewer(HALMSTAD)),
                new ReviewOutcome("Genomgång", ReviewDecision.CONTINUE),
                null,
                null);
    }

    // ------------------------------------------------------------ rule 7: reviewers of a party that leaves

    @Test
    void givenAPartyLeavingInSixMonths_whenAMeetingAfterThatIsScheduledWithItsReviewer_thenRefused() {
        at(fixture, with(inForce(), new NoticeGiven(ID, LAHOLM, TODAY, LEAVES, null)))
                .when(new ScheduleAnnualReview(
                        ID, REVIEW, ReviewKind.ANNUAL_REVIEW, inDays(200), "Rådhuset", List.of(reviewer(LAHOLM)), null))
                .expectException(refusedWith(ErrorCode.PARTY_NO_LONGER_IN_AGREEMENT))
                .expectNoEvents();
    }

    @Test
    void givenAMeetingWithTheReviewerOfALeavingParty_whenMovedPastTheDayItLeaves_thenRefused() {
        at(
                        fixture,
                        with(
                                inForce(),
                                scheduledWith(REVIEW, 20, LAHOLM),
                                new NoticeGiven(ID, LAHOLM, TODAY, LEAVES, null)))
                .when(new RescheduleReview(ID, REVIEW, inDays(200), null, null))
                .expectException(refusedWith(ErrorCode.PARTY_NO_LONGER_IN_AGREEMENT))
                .expectNoEvents();
    }

    @Test
    void givenAMeetingWhoseReviewersPartyLeftBeforeIt_whenItsOutcomeIsRecorded_thenRefused() {
        at(fixture, with(inForce(), scheduledWith(REVIEW, 1, LAHOLM), new PartyLeft(ID, LAHOLM, TODAY)))
                .andGivenCurrentTime(NOW.plus(Duration.ofDays(1)))
                .when(new RecordReviewOutcome(ID, REVIEW, TODAY, "Fortsätter", ReviewDecision.CONTINUE, null))
                .expectException(refusedWith(ErrorCode.PARTY_NO_LONGER_IN_AGREEMENT))
                .expectNoEvents();
    }

    // ------------------------------------------------------------ rule 15: one size per SHA-256, descriptions
    // corrected

    @Test
    void givenADraft_whenRevisedWithTheSameTextHashButAnotherSize_thenRefused() {
        at(fixture, drafted())
                .when(new ReviseDraft(
                        ID,
                        new AgreementText(SHA_V1, "Avsiktsförklaring", "application/pdf", 2048L, null),
                        null,
                        null,
                        null,
                        null))
                .expectException(refusedWith(ErrorCode.TEXT_SIZE_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void givenAPendingAmendment_whenProposedAgainUnderAnotherTitle_thenItsDescriptionIsCorrected() {
        AmendmentId amendment = AmendmentId.of("a2a2a2a2-a1a1-4a1a-8a1a-a1a1a1a1a1a1");
        at(fixture, with(inForce(), new AmendmentProposed(ID, amendment, 2, text(SHA_V2), null, null)))
                .when(new ProposeAmendment(
                        ID, AmendmentId.random(), new AgreementText(SHA_V2, "Tillägg 1", null, null, null), null))
                .expectEvents(new TextDescriptionCorrected(
                        ID, 2, new AgreementText(SHA_V2, "Tillägg 1", "application/pdf", 1024L, null), null))
                .expectResultMessagePayload(amendment.toString());
    }
}
