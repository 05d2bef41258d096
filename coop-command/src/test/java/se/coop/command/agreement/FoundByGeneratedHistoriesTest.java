package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.ErrorCode;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.ReviewOutcome;
import se.coop.api.Term;
import se.coop.api.command.GiveNotice;
import se.coop.api.command.RecordHeldReview;
import se.coop.api.command.RecordReviewOutcome;
import se.coop.api.command.SignAgreement;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.ReviewOutcomeRecorded;

/**
 * Counterexamples the generated histories found (coop-app, {@code GeneratedHistoriesTest}), shrunk and kept as
 * examples. Each failed before its fix; the rule it names is in docs/domain.md.
 */
class FoundByGeneratedHistoriesTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final ReviewId REVIEW = ReviewId.of("0d4f9756-4472-4f5b-8e50-66111cdcea88");

    /** Seed 20261202: a meeting's outcome was recorded as held weeks before the meeting was even scheduled. */
    @Test
    void givenAMeetingScheduledToday_whenItsOutcomeSaysItWasHeldTheDayBefore_thenRefused() {
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 20)))
                .when(new RecordReviewOutcome(
                        ID, REVIEW, TODAY.minusDays(1), "Fortsätter", ReviewDecision.CONTINUE, null))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void givenAMeetingScheduledToday_whenItsOutcomeSaysItWasHeldToday_thenRecorded() {
        at(fixture, with(inForce(), reviewScheduled(REVIEW, 20)))
                .andGivenCurrentTime(NOW.plus(Duration.ofDays(20)))
                .when(new RecordReviewOutcome(ID, REVIEW, TODAY, "Fortsätter", ReviewDecision.CONTINUE, null))
                .expectEvents(
                        new ReviewOutcomeRecorded(ID, REVIEW, TODAY, "Fortsätter", ReviewDecision.CONTINUE, null));
    }

    /** Seed 20261205: a tabling after an adoption took the adoption's place, and the agreement never came into force. */
    @Test
    void givenABoardThatAdoptedAndLaterTabledTheText_whenTheLastSignatureComes_thenTheAgreementIsInForce() {
        LocalDate on = TODAY.minusDays(10);
        at(
                        fixture,
                        drafted(),
                        submitted(),
                        signed(LAHOLM, on),
                        adopted(LAHOLM, on),
                        signed(HELSINGOR, on),
                        adopted(HELSINGOR, on.minusDays(5)),
                        decided(HELSINGOR, DecisionId.random(), BoardOutcome.TABLED, on),
                        adopted(HALMSTAD, on))
                .when(new SignAgreement(ID, HALMSTAD, SHA_V1, signatory(), TODAY, null, null))
                .expectEvents(
                        new AgreementSigned(ID, HALMSTAD, SHA_V1, 1, null, true, signatory(), TODAY, null, null),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, TODAY));
    }

    /** Seed 20261205 again: approvals completed after the fixed term's end put the agreement in force after it ended. */
    @Test
    void givenAFixedTermThatHasEnded_whenTheLastApprovalComes_thenTheAgreementExpiresWithoutEnteringIntoForce() {
        LocalDate endsOn = TODAY.minusDays(20);
        LocalDate on = TODAY.minusDays(30);
        at(
                        fixture,
                        drafted(PARTIES, new Term(null, endsOn, false, 6, false)),
                        submitted(),
                        signed(LAHOLM, on),
                        adopted(LAHOLM, on),
                        signed(HELSINGOR, on),
                        adopted(HELSINGOR, on),
                        adopted(HALMSTAD, on))
                .when(new SignAgreement(ID, HALMSTAD, SHA_V1, signatory(), TODAY, null, null))
                .expectEvents(
                        new AgreementSigned(ID, HALMSTAD, SHA_V1, 1, null, true, signatory(), TODAY, null, null),
                        new AgreementExpired(ID, endsOn));
    }

    @Test
    void givenAnAgreementThatExpiredWithoutEnteringIntoForce_whenAMeetingIsRecordedAsHeld_thenRefused() {
        LocalDate endsOn = TODAY.minusDays(20);
        at(
                        fixture,
                        drafted(PARTIES, new Term(null, endsOn, false, 6, false)),
                        submitted(),
                        new AgreementExpired(ID, endsOn))
                .when(new RecordHeldReview(
                        ID,
                        REVIEW,
                        ReviewKind.ANNUAL_REVIEW,
                        endsOn.minusDays(3),
                        null,
                        List.of(),
                        new ReviewOutcome("Genomgång", ReviewDecision.CONTINUE),
                        null,
                        null))
                .expectException(refusedWith(ErrorCode.WRONG_STATE))
                .expectNoEvents();
    }

    /** Seed 20261217: notice was given on a day before the agreement had entered into force. */
    @Test
    void givenAnAgreementInForce_whenNoticeIsDatedBeforeItsEntryIntoForce_thenRefused() {
        at(fixture, inForce())
                .when(new GiveNotice(ID, LAHOLM, LocalDate.of(2026, 2, 1), null))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
    }
}
