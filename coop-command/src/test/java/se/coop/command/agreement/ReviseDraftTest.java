package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.ErrorCode;
import se.coop.api.LocalizedText;
import se.coop.api.command.ReviseDraft;
import se.coop.api.command.SignAgreement;
import se.coop.api.event.AgreementArchived;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.ApprovalsVoided;
import se.coop.api.event.DraftRevised;
import se.coop.api.event.TerminationCause;

class ReviseDraftTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final LocalizedText NEW_TITLE = LocalizedText.sv("Avsiktsförklaring, rättad titel");

    @Test
    void givenDraft_whenRevisedWithNewText_thenVersionTwo() {
        at(fixture, drafted())
                .when(new ReviseDraft(ID, text(SHA_V2), null, null, null, "efter remiss"))
                .expectEvents(new DraftRevised(ID, 2, true, text(SHA_V2), null, null, null, "efter remiss"));
    }

    @Test
    void givenDraft_whenRevisedWithSameTextAndNothingElse_thenNothingHappens() {
        at(fixture, drafted())
                .when(new ReviseDraft(ID, text(SHA_V1), null, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenDraft_whenOnlyTitleCorrected_thenNoNewTextVersion() {
        at(fixture, drafted())
                .when(new ReviseDraft(ID, text(SHA_V1), NEW_TITLE, null, null, null))
                .expectEvents(new DraftRevised(ID, 1, false, null, NEW_TITLE, null, null, null));
    }

    @Test
    void givenAwaitingApprovalWithASignature_whenRevisedWithNewText_thenApprovalsVoidedAndBackToDraft() {
        at(fixture, drafted(), submitted(), signed(LAHOLM, TODAY))
                .when(new ReviseDraft(ID, text(SHA_V2), null, null, null, null))
                .expectEvents(
                        new ApprovalsVoided(ID, 1, SHA_V1, List.of(LAHOLM), "version 2 replaces the submitted text"),
                        new DraftRevised(ID, 2, true, text(SHA_V2), null, null, null, null));
    }

    @Test
    void givenRevisedAfterSubmission_whenSignedForTheOldVersion_thenRecordedButNotCounted() {
        at(
                        fixture,
                        drafted(),
                        submitted(),
                        new ApprovalsVoided(ID, 1, SHA_V1, List.of(), "v2"),
                        new DraftRevised(ID, 2, true, text(SHA_V2), null, null, null, null))
                .when(new SignAgreement(ID, LAHOLM, SHA_V1, signatory(), TODAY, null, null))
                .expectEvents(new AgreementSigned(ID, LAHOLM, SHA_V1, 1, null, false, signatory(), TODAY, null, null));
    }

    @Test
    void givenAwaitingApproval_whenOnlyTitleCorrected_thenStillAwaitingAndApprovalsStillCount() {
        at(fixture, drafted(), submitted(), new DraftRevised(ID, 1, false, null, NEW_TITLE, null, null, null))
                .when(new SignAgreement(ID, LAHOLM, SHA_V1, signatory(), TODAY, null, null))
                .expectEvents(new AgreementSigned(ID, LAHOLM, SHA_V1, 1, null, true, signatory(), TODAY, null, null));
    }

    @Test
    void givenInForce_whenRevised_thenRefusedAsWrongState() {
        at(fixture, inForce())
                .when(new ReviseDraft(ID, text(SHA_V2), null, null, null, null))
                .expectException(refusedWith(ErrorCode.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenArchived_whenRevised_thenRefusedAsArchived() {
        LocalDate ended = LocalDate.of(2026, 2, 10);
        at(
                        fixture,
                        with(
                                inForce(),
                                new AgreementTerminated(ID, "klart", ended, TerminationCause.DECISION),
                                new AgreementArchived(ID)))
                .when(new ReviseDraft(ID, text(SHA_V2), null, null, null, null))
                .expectException(refusedWith(ErrorCode.AGREEMENT_ARCHIVED))
                .expectNoEvents();
    }
}
