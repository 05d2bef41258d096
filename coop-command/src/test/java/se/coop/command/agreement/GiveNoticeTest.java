package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import se.coop.api.BusinessTime;
import se.coop.api.ErrorCode;
import se.coop.api.PartyId;
import se.coop.api.Term;
import se.coop.api.command.GiveNotice;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.NoticeGiven;
import se.coop.api.event.PartyLeft;
import se.coop.api.event.TerminationCause;

class GiveNoticeTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final LocalDate GIVEN = TODAY.minusDays(1);
    private static final LocalDate LEAVES = GIVEN.plusMonths(6);

    @Test
    void givenInForce_whenAPartyGivesNotice_thenItLeavesAfterItsNoticePeriod() {
        at(fixture, inForce())
                .when(new GiveNotice(ID, LAHOLM, GIVEN, "prioriterar annat"))
                .expectEvents(new NoticeGiven(ID, LAHOLM, GIVEN, LEAVES, "prioriterar annat"))
                .expectScheduledDeadline(
                        Duration.between(NOW, BusinessTime.startOf(LEAVES)), new NoticePeriodEnded(LAHOLM));
    }

    @Test
    void givenNoticeGiven_whenTheNoticePeriodPasses_thenThePartyLeaves() {
        at(fixture, inForce())
                .andGivenCommands(new GiveNotice(ID, LAHOLM, GIVEN, null))
                .whenTimeAdvancesTo(BusinessTime.startOf(LEAVES))
                .expectEvents(new PartyLeft(ID, LAHOLM, LEAVES));
    }

    @Test
    void givenTwoParties_whenOneLeaves_thenTheAgreementIsTerminatedBecauseFewerThanTwoRemain() {
        Term noNoticePeriod = new Term(null, null, true, null, false);
        at(
                        fixture,
                        drafted(List.of(HALMSTAD_PARTY, LAHOLM_PARTY), noNoticePeriod),
                        submitted(),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, LocalDate.of(2025, 1, 1)))
                .when(new GiveNotice(ID, LAHOLM, GIVEN, null))
                .expectEvents(
                        new NoticeGiven(ID, LAHOLM, GIVEN, GIVEN, null),
                        new PartyLeft(ID, LAHOLM, GIVEN),
                        new AgreementTerminated(
                                ID,
                                "fewer than two parties remain after 'laholm' left",
                                GIVEN,
                                TerminationCause.TOO_FEW_PARTIES));
    }

    @Test
    void givenInForce_whenTheLeadGivesNotice_thenRefused() {
        at(fixture, inForce())
                .when(new GiveNotice(ID, HALMSTAD, GIVEN, null))
                .expectException(refusedWith(ErrorCode.LEAD_PARTY_CANNOT_LEAVE))
                .expectNoEvents();
    }

    @Test
    void givenNoticeGiven_whenGivenAgain_thenRefused() {
        at(fixture, with(inForce(), new NoticeGiven(ID, LAHOLM, GIVEN, LEAVES, null)))
                .when(new GiveNotice(ID, LAHOLM, TODAY, null))
                .expectException(refusedWith(ErrorCode.NOTICE_ALREADY_GIVEN))
                .expectNoEvents();
    }

    @Test
    void givenInForce_whenAnUnknownPartyGivesNotice_thenNotFound() {
        at(fixture, inForce())
                .when(new GiveNotice(ID, PartyId.of("ljungby"), GIVEN, null))
                .expectException(refusedWith(ErrorCode.PARTY_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void givenAwaitingApproval_whenNoticeGiven_thenRefused() {
        at(fixture, drafted(), submitted())
                .when(new GiveNotice(ID, LAHOLM, GIVEN, null))
                .expectException(refusedWith(ErrorCode.WRONG_STATE))
                .expectNoEvents();
    }

    @Test
    void givenInForce_whenNoticeIsDatedTomorrow_thenRefused() {
        at(fixture, inForce())
                .when(new GiveNotice(ID, LAHOLM, TODAY.plusDays(1), null))
                .expectException(refusedWith(ErrorCode.DATE_IN_FUTURE))
                .expectNoEvents();
    }
}
