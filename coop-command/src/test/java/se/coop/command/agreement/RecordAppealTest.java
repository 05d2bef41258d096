package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.AppealOutcome;
import se.coop.api.ApprovalType;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.ErrorCode;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.Term;
import se.coop.api.command.RecordAppeal;
import se.coop.api.command.TerminateAgreement;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.AppealRecorded;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.TerminationCause;
import se.coop.rules.AppealWindow;

class RecordAppealTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final DecisionId DECISION = DecisionId.of("11111111-2222-4333-8444-555555555555");
    private static final LocalDate DECIDED = LocalDate.of(2026, 1, 12);
    private static final LocalDate POSTED = LocalDate.of(2026, 1, 15);
    private static final LocalDate LODGED = LocalDate.of(2026, 1, 30);

    private static final List<Party> ADOPTION_ONLY = List.of(
            party(HALMSTAD, "Halmstads kommun", "SE", "Kommunstyrelsen", true, ApprovalType.BOARD_ADOPTION),
            party(LAHOLM, "Laholms kommun", "SE", "Kommunstyrelsen", false, ApprovalType.BOARD_ADOPTION));

    private static BoardDecisionRecorded adoption(PartyId party, DecisionId id) {
        return new BoardDecisionRecorded(
                ID,
                id,
                party,
                SHA_V1,
                1,
                null,
                true,
                "Kommunstyrelsen",
                DECIDED,
                "KS 2026/12",
                "§ 4",
                BoardOutcome.ADOPTED,
                List.of(),
                POSTED,
                AppealWindow.lastDay(POSTED),
                null);
    }

    private static RecordAppeal appeal(AppealOutcome outcome, LocalDate on) {
        return new RecordAppeal(ID, DECISION, outcome, on, "Förvaltningsrätten i Jönköping", "1234-26");
    }

    private static AppealRecorded recorded(AppealOutcome outcome, LocalDate on) {
        return new AppealRecorded(ID, DECISION, LAHOLM, outcome, on, "Förvaltningsrätten i Jönköping", "1234-26");
    }

    private Object[] waitingWithLaholmAppealed() {
        return new Object[] {
            drafted(ADOPTION_ONLY, new Term(null, null, true, 6, true)),
            submitted(),
            adoption(HALMSTAD, DecisionId.random()),
            adoption(LAHOLM, DECISION),
            recorded(AppealOutcome.LODGED, LODGED)
        };
    }

    @Test
    void givenSwedishAdoption_whenAppealDatedBeforeTheDecision_thenRefused() {
        at(fixture, drafted(), submitted(), adoption(LAHOLM, DECISION))
                .when(appeal(AppealOutcome.LODGED, DECIDED.minusYears(3)))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void givenAnAppealLodged_whenDecidedBeforeItWasLodged_thenRefused() {
        at(fixture, waitingWithLaholmAppealed())
                .when(appeal(AppealOutcome.DISMISSED, LODGED.minusDays(1)))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void givenSwedishAdoption_whenAppealLodged_thenRecorded() {
        at(fixture, drafted(), submitted(), adoption(LAHOLM, DECISION))
                .when(appeal(AppealOutcome.LODGED, LODGED))
                .expectEvents(recorded(AppealOutcome.LODGED, LODGED));
    }

    @Test
    void givenAppealLodged_whenLodgedAgain_thenNothingHappens() {
        at(fixture, drafted(), submitted(), adoption(LAHOLM, DECISION), recorded(AppealOutcome.LODGED, LODGED))
                .when(appeal(AppealOutcome.LODGED, LODGED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenWaitingForLegalForceAndAppealLodged_whenDismissed_thenTheDecisionIsFinalAndTheAgreementEntersIntoForce() {
        LocalDate dismissed = LocalDate.of(2026, 2, 20);
        at(fixture, waitingWithLaholmAppealed())
                .when(appeal(AppealOutcome.DISMISSED, dismissed))
                .expectEvents(
                        recorded(AppealOutcome.DISMISSED, dismissed),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, dismissed));
    }

    @Test
    void givenWaitingForLegalForceAndAppealLodged_whenAnnulled_thenTheAdoptionNoLongerCounts() {
        at(fixture, waitingWithLaholmAppealed())
                .when(appeal(AppealOutcome.ANNULLED, TODAY))
                .expectEvents(recorded(AppealOutcome.ANNULLED, TODAY));
    }

    @Test
    void givenInForceWithoutWaiting_whenAnAdoptionIsAnnulled_thenRecordedAndNothingElseChanges() {
        at(fixture, inForceWithLaholmAppealed())
                .when(appeal(AppealOutcome.ANNULLED, TODAY))
                .expectEvents(recorded(AppealOutcome.ANNULLED, TODAY));
    }

    @Test
    void givenInForceAndAnAdoptionAnnulled_whenTerminated_thenAccepted_becauseTheAgreementStayedInForce() {
        at(fixture, with(inForceWithLaholmAppealed(), recorded(AppealOutcome.ANNULLED, TODAY)))
                .when(new TerminateAgreement(ID, "ersatt av nytt avtal", TODAY))
                .expectEvents(new AgreementTerminated(ID, "ersatt av nytt avtal", TODAY, TerminationCause.DECISION));
    }

    private Object[] inForceWithLaholmAppealed() {
        return new Object[] {
            drafted(ADOPTION_ONLY, UNTIL_FURTHER_NOTICE),
            submitted(),
            adoption(HALMSTAD, DecisionId.random()),
            adoption(LAHOLM, DECISION),
            new AgreementEnteredIntoForce(ID, 1, SHA_V1, DECIDED),
            recorded(AppealOutcome.LODGED, LODGED)
        };
    }

    @Test
    void givenDanishDecision_whenAppealed_thenRefusedBecauseDanishPartiesHaveNoSuchClock() {
        DecisionId danish = DecisionId.random();
        at(fixture, drafted(), submitted(), decided(HELSINGOR, danish, BoardOutcome.ADOPTED, DECIDED))
                .when(new RecordAppeal(ID, danish, AppealOutcome.LODGED, LODGED, null, null))
                .expectException(refusedWith(ErrorCode.APPEAL_NOT_APPLICABLE))
                .expectNoEvents();
    }

    @Test
    void givenNoSuchDecision_whenAppealed_thenRefusedAsNotFound() {
        at(fixture, drafted(), submitted())
                .when(appeal(AppealOutcome.LODGED, LODGED))
                .expectException(refusedWith(ErrorCode.DECISION_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void givenNoAppealLodged_whenDismissed_thenRefused() {
        at(fixture, drafted(), submitted(), adoption(LAHOLM, DECISION))
                .when(appeal(AppealOutcome.DISMISSED, TODAY))
                .expectException(refusedWith(ErrorCode.NO_APPEAL_LODGED))
                .expectNoEvents();
    }

    @Test
    void givenAppealDismissed_whenAnnulledAfterwards_thenRefused() {
        at(
                        fixture,
                        drafted(),
                        submitted(),
                        adoption(LAHOLM, DECISION),
                        recorded(AppealOutcome.LODGED, LODGED),
                        recorded(AppealOutcome.DISMISSED, TODAY))
                .when(appeal(AppealOutcome.ANNULLED, TODAY))
                .expectException(refusedWith(ErrorCode.APPEAL_ALREADY_DECIDED))
                .expectNoEvents();
    }

    @Test
    void givenSwedishAdoption_whenAppealDatedInTheFuture_thenRefused() {
        at(fixture, drafted(), submitted(), adoption(LAHOLM, DECISION))
                .when(appeal(AppealOutcome.LODGED, TODAY.plusDays(1)))
                .expectException(refusedWith(ErrorCode.DATE_IN_FUTURE))
                .expectNoEvents();
    }
}
