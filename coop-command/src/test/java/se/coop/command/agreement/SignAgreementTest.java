package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.ApprovalType;
import se.coop.api.ErrorCode;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.Term;
import se.coop.api.command.SignAgreement;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.PartyRemoved;

class SignAgreementTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final List<Party> SIGNATURE_ONLY = List.of(
            party(HALMSTAD, "Halmstads kommun", "SE", "Kommunstyrelsen", true, ApprovalType.SIGNATURE),
            party(LAHOLM, "Laholms kommun", "SE", "Kommunstyrelsen", false, ApprovalType.SIGNATURE));

    private static SignAgreement sign(PartyId party, String sha, LocalDate on) {
        return new SignAgreement(ID, party, sha, signatory(), on, "Halmstad", null);
    }

    @Test
    void givenSubmitted_whenSignedForSubmittedVersion_thenSignatureCounts() {
        at(fixture, drafted(), submitted())
                .when(sign(LAHOLM, SHA_V1, TODAY))
                .expectEvents(
                        new AgreementSigned(ID, LAHOLM, SHA_V1, 1, null, true, signatory(), TODAY, "Halmstad", null));
    }

    @Test
    void givenSubmitted_whenSignedWithUpperCaseHash_thenTheHashIsRecognised() {
        at(fixture, drafted(), submitted())
                .when(sign(LAHOLM, "A".repeat(64).replace('A', '1'), TODAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenSubmitted_whenSignedForAHashThatIsNoVersion_thenRefusedAsWrongTextVersion() {
        at(fixture, drafted(), submitted())
                .when(sign(LAHOLM, SHA_UNKNOWN, TODAY))
                .expectException(refusedWith(ErrorCode.WRONG_TEXT_VERSION))
                .expectNoEvents();
    }

    @Test
    void givenSubmitted_whenSignedByAPartyNotInTheAgreement_thenRefused() {
        at(fixture, drafted(), submitted())
                .when(sign(PartyId.of("kristianstad"), SHA_V1, TODAY))
                .expectException(refusedWith(ErrorCode.PARTY_NOT_IN_AGREEMENT))
                .expectNoEvents();
    }

    @Test
    void givenSubmitted_whenSignedOnAFutureDate_thenRefusedByRuleFive() {
        at(fixture, drafted(), submitted())
                .when(sign(LAHOLM, SHA_V1, TODAY.plusDays(1)))
                .expectException(refusedWith(ErrorCode.DATE_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void givenDraft_whenSignedForTheUnsubmittedDraft_thenRefused() {
        at(fixture, drafted())
                .when(sign(LAHOLM, SHA_V1, TODAY))
                .expectException(refusedWith(ErrorCode.TEXT_NOT_SUBMITTED))
                .expectNoEvents();
    }

    @Test
    void givenPartyRemoved_whenItSigns_thenRefused() {
        at(fixture, drafted(), submitted(), new PartyRemoved(ID, HELSINGOR, "drog sig ur"))
                .when(sign(HELSINGOR, SHA_V1, TODAY))
                .expectException(refusedWith(ErrorCode.PARTY_NO_LONGER_IN_AGREEMENT))
                .expectNoEvents();
    }

    @Test
    void givenOneSignatureMissing_whenTheLastPartySigns_thenTheAgreementEntersIntoForceOnTheLastDate() {
        LocalDate earlier = TODAY.minusDays(10);
        LocalDate later = TODAY.minusDays(3);
        at(fixture, drafted(SIGNATURE_ONLY, UNTIL_FURTHER_NOTICE), submitted(), signed(HALMSTAD, later))
                .when(sign(LAHOLM, SHA_V1, earlier))
                .expectEvents(
                        new AgreementSigned(ID, LAHOLM, SHA_V1, 1, null, true, signatory(), earlier, "Halmstad", null),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, later));
    }

    @Test
    void givenAnAgreedStartDateLater_whenTheLastPartySigns_thenEffectiveFromTheStartDate() {
        LocalDate startsOn = TODAY.plusMonths(1);
        Term term = new Term(startsOn, null, true, 6, false);
        at(fixture, drafted(SIGNATURE_ONLY, term), submitted(), signed(HALMSTAD, TODAY))
                .when(sign(LAHOLM, SHA_V1, TODAY))
                .expectEvents(
                        new AgreementSigned(ID, LAHOLM, SHA_V1, 1, null, true, signatory(), TODAY, "Halmstad", null),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, startsOn));
    }

    @Test
    void givenSignaturesButNoBoardAdoptions_whenTheLastPartySigns_thenNotYetInForce() {
        at(fixture, drafted(), submitted(), signed(HALMSTAD, TODAY), signed(LAHOLM, TODAY))
                .when(sign(HELSINGOR, SHA_V1, TODAY))
                .expectEvents(new AgreementSigned(
                        ID, HELSINGOR, SHA_V1, 1, null, true, signatory(), TODAY, "Halmstad", null));
    }
}
