package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.ErrorCode;
import se.coop.api.PartyId;
import se.coop.api.command.ArchiveAgreement;
import se.coop.api.command.GiveNotice;
import se.coop.api.event.AgreementArchived;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.DraftAbandoned;
import se.coop.api.event.TerminationCause;

class ArchiveAgreementTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    @Test
    void givenTerminated_whenArchived_thenArchived() {
        at(fixture, with(inForce(), new AgreementTerminated(ID, "klart", TODAY, TerminationCause.DECISION)))
                .when(new ArchiveAgreement(ID))
                .expectEvents(new AgreementArchived(ID));
    }

    @Test
    void givenExpired_whenArchived_thenArchived() {
        at(fixture, with(inForce(), new AgreementExpired(ID, TODAY.minusDays(1))))
                .when(new ArchiveAgreement(ID))
                .expectEvents(new AgreementArchived(ID));
    }

    @Test
    void givenAbandoned_whenArchived_thenArchived() {
        at(fixture, drafted(), new DraftAbandoned(ID, "x"))
                .when(new ArchiveAgreement(ID))
                .expectEvents(new AgreementArchived(ID));
    }

    @Test
    void givenTerminationTakingEffectLater_whenArchived_thenRefusedUntilThen() {
        at(
                        fixture,
                        with(
                                inForce(),
                                new AgreementTerminated(ID, "klart", TODAY.plusDays(30), TerminationCause.DECISION)))
                .when(new ArchiveAgreement(ID))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void givenInForce_whenArchived_thenRefused() {
        at(fixture, inForce())
                .when(new ArchiveAgreement(ID))
                .expectException(refusedWith(ErrorCode.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenArchived_whenAnyCommandArrives_thenRefusedBecauseArchivedIsReadOnlyForever() {
        at(
                        fixture,
                        with(
                                inForce(),
                                new AgreementTerminated(ID, "klart", TODAY, TerminationCause.DECISION),
                                new AgreementArchived(ID)))
                .when(new GiveNotice(ID, PartyId.of("laholm"), TODAY, null))
                .expectException(refusedWith(ErrorCode.AGREEMENT_ARCHIVED))
                .expectNoEvents();
    }

    @Test
    void givenArchived_whenArchivedAgain_thenRefused() {
        at(fixture, drafted(), new DraftAbandoned(ID, "x"), new AgreementArchived(ID))
                .when(new ArchiveAgreement(ID))
                .expectException(refusedWith(ErrorCode.AGREEMENT_ARCHIVED))
                .expectNoEvents();
    }
}
