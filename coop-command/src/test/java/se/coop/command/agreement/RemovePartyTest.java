package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.BoardOutcome;
import se.coop.api.DecisionId;
import se.coop.api.ErrorCode;
import se.coop.api.command.RemoveParty;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.PartyRemoved;

class RemovePartyTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final LocalDate ON = TODAY.minusDays(3);

    @Test
    void givenAPartyRejected_whenItIsRemoved_thenTheOthersApprovalsSufficeAndTheAgreementEntersIntoForceThatDay() {
        at(
                        fixture,
                        drafted(),
                        submitted(),
                        signed(HALMSTAD, ON),
                        adopted(HALMSTAD, ON),
                        signed(LAHOLM, ON),
                        adopted(LAHOLM, ON),
                        decided(HELSINGOR, DecisionId.random(), BoardOutcome.REJECTED, ON))
                .when(new RemoveParty(ID, HELSINGOR, "byrådet sa nej"))
                .expectEvents(
                        new PartyRemoved(ID, HELSINGOR, "byrådet sa nej"),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, TODAY));
    }

    @Test
    void givenDraft_whenTheLeadIsRemoved_thenRefused() {
        at(fixture, drafted())
                .when(new RemoveParty(ID, HALMSTAD, "x"))
                .expectException(refusedWith(ErrorCode.LEAD_PARTY_CANNOT_LEAVE))
                .expectNoEvents();
    }

    @Test
    void givenTwoParties_whenOneIsRemoved_thenRefusedByRuleOne() {
        at(fixture, drafted(List.of(HALMSTAD_PARTY, LAHOLM_PARTY), UNTIL_FURTHER_NOTICE))
                .when(new RemoveParty(ID, LAHOLM, "x"))
                .expectException(refusedWith(ErrorCode.TOO_FEW_PARTIES))
                .expectNoEvents();
    }

    @Test
    void givenInForce_whenAPartyIsRemoved_thenRefusedBecauseOnlyNoticeRemainsAfterEntryIntoForce() {
        at(fixture, inForce())
                .when(new RemoveParty(ID, LAHOLM, "x"))
                .expectException(refusedWith(ErrorCode.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenRemoved_whenRemovedAgain_thenRefused() {
        at(fixture, drafted(), new PartyRemoved(ID, HELSINGOR, "x"))
                .when(new RemoveParty(ID, HELSINGOR, "x"))
                .expectException(refusedWith(ErrorCode.PARTY_NO_LONGER_IN_AGREEMENT))
                .expectNoEvents();
    }
}
