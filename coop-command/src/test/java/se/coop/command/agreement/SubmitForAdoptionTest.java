package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.ErrorCode;
import se.coop.api.command.SubmitForAdoption;
import se.coop.api.event.DraftAbandoned;
import se.coop.api.event.DraftRevised;
import se.coop.api.event.SubmittedForAdoption;

class SubmitForAdoptionTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    @Test
    void givenDraft_whenSubmitted_thenCurrentVersionIsFrozenByItsHash() {
        at(fixture, drafted()).when(new SubmitForAdoption(ID)).expectEvents(new SubmittedForAdoption(ID, 1, SHA_V1));
    }

    @Test
    void givenRevisedDraft_whenSubmitted_thenTheLatestVersionIsSubmitted() {
        at(fixture, drafted(), new DraftRevised(ID, 2, true, text(SHA_V2), null, null, null, null))
                .when(new SubmitForAdoption(ID))
                .expectEvents(new SubmittedForAdoption(ID, 2, SHA_V2));
    }

    @Test
    void givenAwaitingApproval_whenSubmittedAgain_thenNothingHappens() {
        at(fixture, drafted(), submitted())
                .when(new SubmitForAdoption(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenInForce_whenSubmitted_thenRefused() {
        at(fixture, inForce())
                .when(new SubmitForAdoption(ID))
                .expectException(refusedWith(ErrorCode.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenAbandoned_whenSubmitted_thenRefused() {
        at(fixture, drafted(), new DraftAbandoned(ID, "inte aktuellt"))
                .when(new SubmitForAdoption(ID))
                .expectException(refusedWith(ErrorCode.WRONG_STATE))
                .expectNoEvents();
    }
}
