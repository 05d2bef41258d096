package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.ErrorCode;
import se.coop.api.command.TerminateAgreement;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.TerminationCause;

class TerminateAgreementTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    @Test
    void givenInForce_whenTerminatedFromToday_thenTerminatedAtOnce() {
        at(fixture, inForce())
                .when(new TerminateAgreement(ID, "målen uppnådda", TODAY))
                .expectEvents(new AgreementTerminated(ID, "målen uppnådda", TODAY, TerminationCause.DECISION));
    }

    @Test
    void givenInForce_whenTerminatedBeforeItEnteredIntoForce_thenRefused() {
        at(fixture, inForce())
                .when(new TerminateAgreement(ID, "x", TODAY.minusYears(1)))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void givenDraft_whenTerminated_thenRefusedBecauseADraftIsAbandoned() {
        at(fixture, drafted())
                .when(new TerminateAgreement(ID, "x", TODAY))
                .expectException(refusedWith(ErrorCode.WRONG_STATE))
                .expectNoEvents();
    }
}
