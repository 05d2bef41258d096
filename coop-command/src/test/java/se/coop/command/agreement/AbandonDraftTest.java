package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.ErrorCode;
import se.coop.api.command.AbandonDraft;
import se.coop.api.event.DraftAbandoned;

class AbandonDraftTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    @Test
    void givenDraft_whenAbandoned_thenAbandoned() {
        at(fixture, drafted())
                .when(new AbandonDraft(ID, "ersätts av regional strategi"))
                .expectEvents(new DraftAbandoned(ID, "ersätts av regional strategi"));
    }

    @Test
    void givenAwaitingApproval_whenAbandoned_thenAbandoned() {
        at(fixture, drafted(), submitted())
                .when(new AbandonDraft(ID, "avslag i flera styrelser"))
                .expectEvents(new DraftAbandoned(ID, "avslag i flera styrelser"));
    }

    @Test
    void givenInForce_whenAbandoned_thenRefused() {
        at(fixture, inForce())
                .when(new AbandonDraft(ID, "x"))
                .expectException(refusedWith(ErrorCode.WRONG_STATE))
                .expectNoEvents();
    }
}
