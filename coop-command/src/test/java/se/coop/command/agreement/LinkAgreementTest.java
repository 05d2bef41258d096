package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.AgreementId;
import se.coop.api.ErrorCode;
import se.coop.api.LinkType;
import se.coop.api.command.LinkAgreement;
import se.coop.api.event.AgreementLinked;

class LinkAgreementTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    @Test
    void givenAgreement_whenLinkedToACooperationKnownOnlyByTitle_thenLinked() {
        at(fixture, inForce())
                .when(new LinkAgreement(ID, LinkType.PART_OF, null, " Skåne Nordost "))
                .expectEvents(new AgreementLinked(ID, LinkType.PART_OF, null, "Skåne Nordost"));
    }

    @Test
    void givenAgreement_whenLinkedToAPredecessorInCoop_thenLinked() {
        AgreementId predecessor = AgreementId.random();
        at(fixture, drafted())
                .when(new LinkAgreement(ID, LinkType.SUCCEEDS, predecessor, null))
                .expectEvents(new AgreementLinked(ID, LinkType.SUCCEEDS, predecessor, null));
    }

    @Test
    void givenLinked_whenLinkedTheSameWayAgain_thenNothingChanges() {
        at(fixture, drafted(), new AgreementLinked(ID, LinkType.PART_OF, null, "Skåne Nordost"))
                .when(new LinkAgreement(ID, LinkType.PART_OF, null, "Skåne Nordost"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenAgreement_whenLinkedToAnAgreementNotInCoop_thenRefused() {
        at(fixture, drafted())
                .when(new LinkAgreement(ID, LinkType.SUCCEEDS, NOT_IN_COOP, null))
                .expectException(refusedWith(ErrorCode.LINKED_AGREEMENT_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void givenAgreement_whenLinkedToItself_thenRefused() {
        at(fixture, drafted())
                .when(new LinkAgreement(ID, LinkType.ANNEX_TO, ID, null))
                .expectException(refusedWith(ErrorCode.SELF_LINK))
                .expectNoEvents();
    }
}
