package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.AmendmentId;
import se.coop.api.ApprovalType;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.ErrorCode;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.command.AdoptByBoard;
import se.coop.api.command.ProposeAmendment;
import se.coop.api.command.SignAgreement;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.AmendmentEnteredIntoForce;
import se.coop.api.event.AmendmentProposed;
import se.coop.api.event.BoardDecisionRecorded;

class ProposeAmendmentTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final AmendmentId AMENDMENT = AmendmentId.of("a1a1a1a1-a1a1-4a1a-8a1a-a1a1a1a1a1a1");
    private static final AmendmentId LATER = AmendmentId.of("b2b2b2b2-b2b2-4b2b-8b2b-b2b2b2b2b2b2");
    private static final LocalDate ON = TODAY.minusDays(1);

    private static final List<Party> SIGNATURE_ONLY = List.of(
            party(HALMSTAD, "Halmstads kommun", "SE", "Kommunstyrelsen", true, ApprovalType.SIGNATURE),
            party(LAHOLM, "Laholms kommun", "SE", "Kommunstyrelsen", false, ApprovalType.SIGNATURE));

    private static Object[] inForceSignatureOnly() {
        return new Object[] {
            drafted(SIGNATURE_ONLY, UNTIL_FURTHER_NOTICE),
            submitted(),
            signed(HALMSTAD, ON.minusDays(30)),
            signed(LAHOLM, ON.minusDays(30)),
            new AgreementEnteredIntoForce(ID, 1, SHA_V1, ON.minusDays(30))
        };
    }

    private static AmendmentProposed proposed() {
        return new AmendmentProposed(ID, AMENDMENT, 2, text(SHA_V2), "ny bilaga", null);
    }

    private static AgreementSigned amendmentSigned(PartyId party) {
        return new AgreementSigned(ID, party, SHA_V2, 2, AMENDMENT, true, signatory(), ON, null, null);
    }

    @Test
    void givenInForce_whenAmendmentProposed_thenANewTextVersionAwaitsApproval() {
        at(fixture, inForce())
                .when(new ProposeAmendment(ID, AMENDMENT, text(SHA_V2), "ny bilaga"))
                .expectEvents(proposed())
                .expectResultMessagePayload(AMENDMENT.toString());
    }

    @Test
    void givenAmendmentPending_whenOnePartyOfTwoApproves_thenTheOldVersionStaysInForce() {
        at(fixture, with(inForceSignatureOnly(), proposed()))
                .when(new SignAgreement(ID, HALMSTAD, SHA_V2, signatory(), ON, null, null))
                .expectEvents(amendmentSigned(HALMSTAD));
    }

    @Test
    void givenAmendmentApprovedByAllButOne_whenTheLastApproves_thenTheAmendmentEntersIntoForce() {
        at(fixture, with(inForceSignatureOnly(), proposed(), amendmentSigned(HALMSTAD)))
                .when(new SignAgreement(ID, LAHOLM, SHA_V2, signatory(), ON, null, null))
                .expectEvents(amendmentSigned(LAHOLM), new AmendmentEnteredIntoForce(ID, AMENDMENT, 2, SHA_V2, ON));
    }

    @Test
    void givenAmendmentPending_whenABoardReadoptsTheVersionInForce_thenItCountsForThatVersion() {
        DecisionId decision = DecisionId.random();
        at(fixture, with(inForce(), proposed()))
                .when(new AdoptByBoard(
                        ID,
                        decision,
                        LAHOLM,
                        SHA_V1,
                        "Kommunstyrelsen",
                        ON,
                        "KS 2026/2",
                        null,
                        BoardOutcome.ADOPTED,
                        null,
                        null,
                        null))
                .expectEvents(new BoardDecisionRecorded(
                        ID,
                        decision,
                        LAHOLM,
                        SHA_V1,
                        1,
                        null,
                        true,
                        "Kommunstyrelsen",
                        ON,
                        "KS 2026/2",
                        null,
                        BoardOutcome.ADOPTED,
                        List.of(),
                        null,
                        null,
                        null));
    }

    @Test
    void givenAmendmentPending_whenAnotherIsProposed_thenItSupersedesThePendingOne() {
        at(fixture, with(inForce(), proposed()))
                .when(new ProposeAmendment(ID, LATER, text(SHA_V3), null))
                .expectEvents(new AmendmentProposed(ID, LATER, 3, text(SHA_V3), null, AMENDMENT));
    }

    @Test
    void givenInForce_whenTheProposedTextIsTheVersionInForce_thenRefused() {
        at(fixture, inForce())
                .when(new ProposeAmendment(ID, AMENDMENT, text(SHA_V1), null))
                .expectException(refusedWith(ErrorCode.TEXT_UNCHANGED))
                .expectNoEvents();
    }

    @Test
    void givenAwaitingApproval_whenAmendmentProposed_thenRefused() {
        at(fixture, drafted(), submitted())
                .when(new ProposeAmendment(ID, AMENDMENT, text(SHA_V2), null))
                .expectException(refusedWith(ErrorCode.WRONG_STATE))
                .expectNoEvents();
    }
}
