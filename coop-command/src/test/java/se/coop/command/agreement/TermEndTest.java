package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.ApprovalType;
import se.coop.api.BusinessTime;
import se.coop.api.Party;
import se.coop.api.Term;
import se.coop.api.command.SignAgreement;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.AgreementSigned;

/** Expiry at the end date: a durable timer for a future end, at once for an end already past. */
class TermEndTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final List<Party> SIGNATURE_ONLY = List.of(
            party(HALMSTAD, "Halmstads kommun", "SE", "Kommunstyrelsen", true, ApprovalType.SIGNATURE),
            party(LAHOLM, "Laholms kommun", "SE", "Kommunstyrelsen", false, ApprovalType.SIGNATURE));

    private static final LocalDate ENDS = LocalDate.of(2026, 12, 31);

    private Object[] lastSignatureMissing(Term term, LocalDate on) {
        return new Object[] {drafted(SIGNATURE_ONLY, term), submitted(), signed(HALMSTAD, on)};
    }

    @Test
    void givenFixedTerm_whenItEntersIntoForce_thenAnExpiryTimerIsSetForTheDayAfterTheEnd() {
        at(fixture, lastSignatureMissing(new Term(null, ENDS, false, null, false), TODAY))
                .when(new SignAgreement(ID, LAHOLM, SHA_V1, signatory(), TODAY, null, null))
                .expectEvents(
                        new AgreementSigned(ID, LAHOLM, SHA_V1, 1, null, true, signatory(), TODAY, null, null),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, TODAY))
                .expectScheduledDeadline(
                        Duration.between(NOW, BusinessTime.startOf(ENDS.plusDays(1))), new TermEndDue(ENDS));
    }

    @Test
    void givenFixedTermInForce_whenTheEndDatePasses_thenCoopRecordsTheExpiry() {
        at(fixture, lastSignatureMissing(new Term(null, ENDS, false, null, false), TODAY))
                .andGivenCommands(new SignAgreement(ID, LAHOLM, SHA_V1, signatory(), TODAY, null, null))
                .whenTimeAdvancesTo(BusinessTime.startOf(ENDS.plusDays(1)))
                .expectEventsMatching(AdoptByBoardTest.onlyByTimer(new AgreementExpired(ID, ENDS)));
    }

    @Test
    void givenAProjectThatEndedLongAgo_whenItsApprovalsAreRecordedNow_thenItEntersIntoForceAndExpiresAtOnce() {
        LocalDate start = LocalDate.of(2017, 3, 1);
        LocalDate end = LocalDate.of(2018, 12, 31);
        at(fixture, lastSignatureMissing(new Term(start, end, false, null, false), LocalDate.of(2017, 2, 20)))
                .when(new SignAgreement(ID, LAHOLM, SHA_V1, signatory(), LocalDate.of(2017, 2, 22), null, null))
                .expectEvents(
                        new AgreementSigned(
                                ID, LAHOLM, SHA_V1, 1, null, true, signatory(), LocalDate.of(2017, 2, 22), null, null),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, start),
                        new AgreementExpired(ID, end))
                .expectNoScheduledDeadlines();
    }
}
