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
import se.coop.api.AppealOutcome;
import se.coop.api.BoardOutcome;
import se.coop.api.BusinessTime;
import se.coop.api.DecisionId;
import se.coop.api.DocumentId;
import se.coop.api.DocumentKind;
import se.coop.api.ErrorCode;
import se.coop.api.Participant;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.ReviewOutcome;
import se.coop.api.Term;
import se.coop.api.command.AttachDocument;
import se.coop.api.command.GiveNotice;
import se.coop.api.command.ProposeAmendment;
import se.coop.api.command.RecordAppeal;
import se.coop.api.command.RecordHeldReview;
import se.coop.api.command.RemoveParty;
import se.coop.api.command.ReviseDraft;
import se.coop.api.command.ScheduleAnnualReview;
import se.coop.api.command.TerminateAgreement;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.AmendmentEnteredIntoForce;
import se.coop.api.event.AmendmentProposed;
import se.coop.api.event.AppealRecorded;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.DocumentAttached;
import se.coop.api.event.DocumentCorrected;
import se.coop.api.event.DraftRevised;
import se.coop.api.event.PartyLeft;
import se.coop.api.event.PartyRemoved;
import se.coop.api.event.ReviewHeld;
import se.coop.api.event.TerminationCause;
import se.coop.api.event.TerminationDecided;
import se.coop.api.event.TextDescriptionCorrected;
import se.coop.rules.AppealWindow;

/**
 * Rules a reading of the code found broken, each as it should hold (issue 12). Every test here failed before its
 * fix; the rule it names is in docs/domain.md.
 */
class RulesFoundByReadingTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final AmendmentId AMENDMENT = AmendmentId.of("a1a1a1a1-a1a1-4a1a-8a1a-a1a1a1a1a1a1");
    private static final LocalDate ON = TODAY.minusDays(10);

    private static AgreementSigned amendmentSigned(PartyId party, LocalDate on) {
        return new AgreementSigned(ID, party, SHA_V2, 2, AMENDMENT, true, signatory(), on, null, null);
    }

    private static BoardDecisionRecorded amendmentAdopted(PartyId party, LocalDate on) {
        String body = party.equals(HELSINGOR) ? "Byrådet" : "Kommunstyrelsen";
        return new BoardDecisionRecorded(
                ID,
                DecisionId.random(),
                party,
                SHA_V2,
                2,
                AMENDMENT,
                true,
                body,
                on,
                "KS 1",
                null,
                BoardOutcome.ADOPTED,
                List.of(),
                null,
                null,
                null);
    }

    // ------------------------------------------------------------ rule 8: a party leaving completes an amendment

    @Test
    void givenAnAmendmentApprovedByAllButALeavingParty_whenItLeaves_thenTheAmendmentIsInForceThatDay() {
        LocalDate given = TODAY.minusDays(1);
        LocalDate leaves = given.plusMonths(6);
        at(
                        fixture,
                        with(
                                inForce(),
                                new AmendmentProposed(ID, AMENDMENT, 2, text(SHA_V2), null, null),
                                amendmentSigned(HALMSTAD, ON),
                                amendmentAdopted(HALMSTAD, ON),
                                amendmentSigned(LAHOLM, ON),
                                amendmentAdopted(LAHOLM, ON)))
                .andGivenCommands(new GiveNotice(ID, HELSINGOR, given, null))
                .whenTimeAdvancesTo(BusinessTime.startOf(leaves))
                .expectEvents(
                        new PartyLeft(ID, HELSINGOR, leaves),
                        new AmendmentEnteredIntoForce(ID, AMENDMENT, 2, SHA_V2, leaves));
    }

    // ------------------------------------------------------------ rule 12: waiting for legal force turned on and off

    private static final List<Party> SWEDISH = List.of(HALMSTAD_PARTY, LAHOLM_PARTY);
    private static final LocalDate POSTED = TODAY.minusDays(5);

    private static BoardDecisionRecorded adoptedAndPosted(PartyId party) {
        return new BoardDecisionRecorded(
                ID,
                DecisionId.random(),
                party,
                SHA_V1,
                1,
                null,
                true,
                "Kommunstyrelsen",
                POSTED,
                "KS 1",
                null,
                BoardOutcome.ADOPTED,
                List.of(),
                POSTED,
                AppealWindow.lastDay(POSTED),
                null);
    }

    @Test
    void givenApprovalsUnderWay_whenTheTermIsRevisedToWaitForLegalForce_thenATimerWaitsForTheRunningWindows() {
        Term waiting = new Term(null, null, true, 6, true);
        at(
                        fixture,
                        drafted(SWEDISH, UNTIL_FURTHER_NOTICE),
                        submitted(),
                        signed(HALMSTAD, POSTED),
                        adoptedAndPosted(HALMSTAD),
                        signed(LAHOLM, POSTED))
                .when(new ReviseDraft(ID, text(SHA_V1), null, null, waiting, null))
                .expectEvents(new DraftRevised(ID, 1, false, null, null, null, waiting, null))
                .expectScheduledDeadline(
                        Duration.between(
                                NOW,
                                BusinessTime.startOf(
                                        AppealWindow.lastDay(POSTED).plusDays(1))),
                        new LegalForceCheckDue(SHA_V1));
    }

    @Test
    void givenARoundWaitingOnlyForAppealWindows_whenWaitingIsTurnedOff_thenItEntersIntoForceAtOnceFromToday() {
        Term waiting = new Term(null, null, true, 6, true);
        at(
                        fixture,
                        drafted(SWEDISH, waiting),
                        submitted(),
                        signed(HALMSTAD, POSTED),
                        adoptedAndPosted(HALMSTAD),
                        signed(LAHOLM, POSTED),
                        adoptedAndPosted(LAHOLM))
                .when(new ReviseDraft(ID, text(SHA_V1), null, null, UNTIL_FURTHER_NOTICE, null))
                .expectEvents(
                        new DraftRevised(ID, 1, false, null, null, null, UNTIL_FURTHER_NOTICE, null),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, TODAY));
    }

    // ------------------------------------------------------------ rule 12: appeals

    private static final DecisionId DECISION = DecisionId.of("11111111-2222-4333-8444-555555555555");

    private Object[] adoptedWithAppealLodged() {
        BoardDecisionRecorded laholm = new BoardDecisionRecorded(
                ID,
                DECISION,
                LAHOLM,
                SHA_V1,
                1,
                null,
                true,
                "Kommunstyrelsen",
                POSTED,
                "KS 1",
                null,
                BoardOutcome.ADOPTED,
                List.of(),
                POSTED,
                AppealWindow.lastDay(POSTED),
                null);
        return new Object[] {
            drafted(SWEDISH, new Term(null, null, true, 6, true)),
            submitted(),
            signed(HALMSTAD, POSTED),
            adoptedAndPosted(HALMSTAD),
            signed(LAHOLM, POSTED),
            laholm,
            new AppealRecorded(ID, DECISION, LAHOLM, AppealOutcome.LODGED, POSTED.plusDays(1), null, null)
        };
    }

    private Object[] adoptedWithAppealDismissed() {
        return with(
                adoptedWithAppealLodged(),
                new AppealRecorded(ID, DECISION, LAHOLM, AppealOutcome.DISMISSED, POSTED.plusDays(2), null, null));
    }

    @Test
    void givenAnAppealDismissedWhileTheWindowIsOpen_whenAnotherIsLodged_thenItIsRecorded() {
        at(fixture, adoptedWithAppealDismissed())
                .when(new RecordAppeal(ID, DECISION, AppealOutcome.LODGED, TODAY, null, null))
                .expectEvents(new AppealRecorded(ID, DECISION, LAHOLM, AppealOutcome.LODGED, TODAY, null, null));
    }

    @Test
    void givenAnAppealLodged_whenDismissedWhileTheWindowIsOpen_thenTheDecisionIsNotFinalYet() {
        at(fixture, adoptedWithAppealLodged())
                .when(new RecordAppeal(ID, DECISION, AppealOutcome.DISMISSED, POSTED.plusDays(2), null, null))
                .expectEvents(new AppealRecorded(
                        ID, DECISION, LAHOLM, AppealOutcome.DISMISSED, POSTED.plusDays(2), null, null));
    }

    @Test
    void givenAnAppealDismissed_whenTheWindowCloses_thenItEntersIntoForceTheDayAfterTheLastDayToAppeal() {
        LocalDate finalOn = AppealWindow.lastDay(POSTED).plusDays(1);
        at(fixture, adoptedWithAppealLodged())
                .andGivenCommands(
                        new RecordAppeal(ID, DECISION, AppealOutcome.DISMISSED, POSTED.plusDays(2), null, null))
                .whenTimeAdvancesTo(BusinessTime.startOf(finalOn).plusSeconds(1))
                .expectEvents(new AgreementEnteredIntoForce(ID, 1, SHA_V1, finalOn));
    }

    @Test
    void givenTheWindowClosed_whenAnAppealIsLodgedLate_thenRefused() {
        at(
                        fixture,
                        drafted(SWEDISH, UNTIL_FURTHER_NOTICE),
                        submitted(),
                        new BoardDecisionRecorded(
                                ID,
                                DECISION,
                                LAHOLM,
                                SHA_V1,
                                1,
                                null,
                                true,
                                "Kommunstyrelsen",
                                TODAY.minusDays(60),
                                "KS 1",
                                null,
                                BoardOutcome.ADOPTED,
                                List.of(),
                                TODAY.minusDays(60),
                                AppealWindow.lastDay(TODAY.minusDays(60)),
                                null))
                .when(new RecordAppeal(ID, DECISION, AppealOutcome.LODGED, TODAY, null, null))
                .expectException(refusedWith(ErrorCode.APPEAL_WINDOW_CLOSED))
                .expectNoEvents();
    }

    // ------------------------------------------------------------ rule 7: reviewers represent parties that are in it

    @Test
    void givenAPartyHasLeft_whenItsReviewerIsNamedForAMeeting_thenRefused() {
        at(fixture, with(inForce(), new PartyLeft(ID, HELSINGOR, TODAY.minusDays(1))))
                .when(new ScheduleAnnualReview(
                        ID,
                        ReviewId.random(),
                        ReviewKind.ANNUAL_REVIEW,
                        inDays(30),
                        "Rådhuset",
                        List.of(reviewer(HELSINGOR)),
                        null))
                .expectException(refusedWith(ErrorCode.PARTY_NO_LONGER_IN_AGREEMENT))
                .expectNoEvents();
    }

    @Test
    void givenAPartyLeftAfterAMeeting_whenThatMeetingIsRecordedAsHeld_thenItsReviewerIsAccepted() {
        ReviewId review = ReviewId.random();
        LocalDate heldOn = TODAY.minusDays(20);
        at(fixture, with(inForce(), new PartyLeft(ID, HELSINGOR, TODAY.minusDays(1))))
                .when(new RecordHeldReview(
                        ID,
                        review,
                        ReviewKind.ANNUAL_REVIEW,
                        heldOn,
                        null,
                        List.of(reviewer(HELSINGOR)),
                        new ReviewOutcome("Fortsätter", ReviewDecision.CONTINUE),
                        null,
                        null))
                .expectEvents(new ReviewHeld(
                        ID,
                        review,
                        ReviewKind.ANNUAL_REVIEW,
                        heldOn,
                        null,
                        List.of(Participant.of(reviewer(HELSINGOR))),
                        null,
                        "Fortsätter",
                        ReviewDecision.CONTINUE,
                        null));
    }

    // ------------------------------------------------------------ rule 8: an amendment proposed twice

    @Test
    void givenAnAmendmentWithApprovals_whenItsTextIsProposedAgain_thenNothingChangesAndItsIdIsAnswered() {
        at(
                        fixture,
                        with(
                                inForce(),
                                new AmendmentProposed(ID, AMENDMENT, 2, text(SHA_V2), null, null),
                                amendmentSigned(HALMSTAD, ON)))
                .when(new ProposeAmendment(ID, AmendmentId.random(), text(SHA_V2), "igen"))
                .expectNoEvents()
                .expectResultMessagePayload(AMENDMENT.toString());
    }

    // ------------------------------------------------------------ rule 15: descriptions corrected, no new version

    @Test
    void givenADraft_whenRevisedWithTheSameTextUnderACorrectedTitle_thenTheDescriptionIsCorrected() {
        AgreementText corrected =
                new AgreementText(SHA_V1, "Avsiktsförklaring (rättad)", "application/pdf", 1024L, null);
        at(fixture, drafted())
                .when(new ReviseDraft(ID, corrected, null, null, null, "stavfel i titeln"))
                .expectEvents(new TextDescriptionCorrected(ID, 1, corrected, "stavfel i titeln"));
    }

    @Test
    void givenADocument_whenTheSameFileIsAttachedUnderACorrectedTitle_thenItsDescriptionIsCorrected() {
        DocumentId report = DocumentId.of("d0c0d0c0-d0c0-4d0c-8d0c-d0c0d0c0d0c0");
        String sha = "9".repeat(64);
        at(
                        fixture,
                        drafted(),
                        new DocumentAttached(
                                ID, report, "Slutrapport", sha, "application/pdf", 42L, null, DocumentKind.OTHER))
                .when(new AttachDocument(
                        ID, DocumentId.random(), "Slutrapport 2019", sha, "application/pdf", 42L, null, null))
                .expectEvents(new DocumentCorrected(
                        ID, report, sha, "Slutrapport 2019", "application/pdf", null, DocumentKind.OTHER))
                .expectResultMessagePayload(report.toString());
    }

    // ------------------------------------------------------------ rule 9 and the term: termination on a later day

    @Test
    void givenInForce_whenTerminatedFromALaterDay_thenItStaysInForceUntilThenAndATimerEndsIt() {
        LocalDate later = TODAY.plusDays(40);
        at(fixture, inForce())
                .when(new TerminateAgreement(ID, "uppdraget är slutfört", later))
                .expectEvents(new TerminationDecided(ID, "uppdraget är slutfört", later))
                .expectScheduledDeadline(Duration.between(NOW, BusinessTime.startOf(later)), new TerminationDue(later));
    }

    @Test
    void givenATerminationDecided_whenItsDayComes_thenTheAgreementIsTerminated() {
        LocalDate later = TODAY.plusDays(40);
        at(fixture, inForce())
                .andGivenCommands(new TerminateAgreement(ID, "uppdraget är slutfört", later))
                .whenTimeAdvancesTo(BusinessTime.startOf(later))
                .expectEvents(new AgreementTerminated(ID, "uppdraget är slutfört", later, TerminationCause.DECISION));
    }

    @Test
    void givenATerminationDecided_whenAMeetingIsScheduledAfterThatDay_thenRefused() {
        LocalDate later = TODAY.plusDays(40);
        at(fixture, with(inForce(), new TerminationDecided(ID, "slut", later)))
                .when(new ScheduleAnnualReview(
                        ID,
                        ReviewId.random(),
                        ReviewKind.ANNUAL_REVIEW,
                        inDays(60),
                        "Rådhuset",
                        List.of(reviewer(HALMSTAD)),
                        null))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void givenAFixedTerm_whenTerminatedAfterItsEnd_thenRefused() {
        Term fixed = new Term(null, TODAY.plusDays(30), false, null, false);
        LocalDate on = LocalDate.of(2026, 2, 2);
        at(
                        fixture,
                        drafted(PARTIES, fixed),
                        submitted(),
                        signed(HALMSTAD, on),
                        adopted(HALMSTAD, on),
                        signed(LAHOLM, on),
                        adopted(LAHOLM, on),
                        signed(HELSINGOR, on),
                        adopted(HELSINGOR, on),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, on))
                .when(new TerminateAgreement(ID, "slut", TODAY.plusDays(31)))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    // ------------------------------------------------------------ rule 6: removal completes the round from its day

    @Test
    void givenTheOnlyPartyMissingRejected_whenItIsRemoved_thenTheAgreementIsInForceFromTheRemovalNotBefore() {
        LocalDate approved = TODAY.minusDays(30);
        at(
                        fixture,
                        drafted(),
                        submitted(),
                        signed(HALMSTAD, approved),
                        adopted(HALMSTAD, approved),
                        signed(LAHOLM, approved),
                        adopted(LAHOLM, approved),
                        decided(HELSINGOR, DecisionId.random(), BoardOutcome.REJECTED, approved))
                .when(new RemoveParty(ID, HELSINGOR, "avslog"))
                .expectEvents(
                        new PartyRemoved(ID, HELSINGOR, "avslog"), new AgreementEnteredIntoForce(ID, 1, SHA_V1, TODAY));
    }
}
