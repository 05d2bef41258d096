package se.coop.command.agreement;

import static se.coop.command.agreement.AgreementFixtures.*;
import static se.coop.command.agreement.Refusals.refusedWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.coop.api.ApprovalType;
import se.coop.api.BoardOutcome;
import se.coop.api.BusinessTime;
import se.coop.api.DecisionId;
import se.coop.api.ErrorCode;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.Term;
import se.coop.api.command.AdoptByBoard;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.rules.AppealWindow;

class AdoptByBoardTest {

    private final AggregateTestFixture<Agreement> fixture = fixture();

    private static final DecisionId DECISION = DecisionId.of("0f0e0d0c-0b0a-4909-8807-060504030201");

    /** Two Swedish parties that need board adoption only, so one decision completes the round. */
    private static final List<Party> ADOPTION_ONLY = List.of(
            party(HALMSTAD, "Halmstads kommun", "SE", "Kommunstyrelsen", true, ApprovalType.BOARD_ADOPTION),
            party(LAHOLM, "Laholms kommun", "SE", "Kommunstyrelsen", false, ApprovalType.BOARD_ADOPTION));

    private static final Term WAITING = new Term(null, null, true, 6, true);

    private static AdoptByBoard adopt(
            PartyId party, String body, BoardOutcome outcome, LocalDate decidedOn, LocalDate postedOn) {
        return new AdoptByBoard(
                ID,
                DECISION,
                party,
                SHA_V1,
                body,
                decidedOn,
                "KS 2020/1234",
                "§ 45",
                outcome,
                List.of("Reservation av SD"),
                postedOn,
                null);
    }

    private static BoardDecisionRecorded recorded(
            PartyId party,
            boolean counts,
            String body,
            BoardOutcome outcome,
            LocalDate decidedOn,
            LocalDate postedOn,
            LocalDate windowEnds) {
        return new BoardDecisionRecorded(
                ID,
                DECISION,
                party,
                SHA_V1,
                1,
                null,
                counts,
                body,
                decidedOn,
                "KS 2020/1234",
                "§ 45",
                outcome,
                List.of("Reservation av SD"),
                postedOn,
                windowEnds,
                null);
    }

    @Test
    void givenSubmitted_whenAdopted_thenRecordedWithCaseNumberParagraphAndDissents() {
        at(fixture, drafted(), submitted())
                .when(adopt(LAHOLM, "Kommunstyrelsen", BoardOutcome.ADOPTED, TODAY, null))
                .expectEvents(recorded(LAHOLM, true, "Kommunstyrelsen", BoardOutcome.ADOPTED, TODAY, null, null))
                .expectResultMessagePayload(DECISION.toString());
    }

    @Test
    void givenSwedishDecisionWithMinutesPosted_whenRecorded_thenAppealWindowIsTwentyOneDaysMovedPastHolidays() {
        LocalDate decided = LocalDate.of(2026, 2, 10);
        LocalDate posted = LocalDate.of(2026, 2, 13); // + 21 days = Friday 6 March, a working day
        at(fixture, drafted(), submitted())
                .when(adopt(LAHOLM, "Kommunstyrelsen", BoardOutcome.ADOPTED, decided, posted))
                .expectEvents(recorded(
                        LAHOLM,
                        true,
                        "Kommunstyrelsen",
                        BoardOutcome.ADOPTED,
                        decided,
                        posted,
                        LocalDate.of(2026, 3, 6)));
    }

    @Test
    void givenDanishParty_whenMinutesPosted_thenNoAppealWindow() {
        LocalDate posted = TODAY.minusDays(1);
        at(fixture, drafted(), submitted())
                .when(adopt(HELSINGOR, "Byrådet", BoardOutcome.ADOPTED, TODAY.minusDays(2), posted))
                .expectEvents(
                        recorded(HELSINGOR, true, "Byrådet", BoardOutcome.ADOPTED, TODAY.minusDays(2), posted, null));
    }

    @Test
    void givenSubmitted_whenAnotherBodyDecides_thenRecordedButNotCounted() {
        at(fixture, drafted(), submitted())
                .when(adopt(LAHOLM, "Kommunfullmäktige", BoardOutcome.ADOPTED, TODAY, null))
                .expectEvents(recorded(LAHOLM, false, "Kommunfullmäktige", BoardOutcome.ADOPTED, TODAY, null, null));
    }

    @Test
    void givenSubmitted_whenBodyIsSpelledWithOtherCaseAndSpaces_thenItIsTheOwnBody() {
        at(fixture, drafted(), submitted())
                .when(adopt(LAHOLM, "  kommunstyrelsen ", BoardOutcome.ADOPTED, TODAY, null))
                .expectEvents(recorded(LAHOLM, true, "kommunstyrelsen", BoardOutcome.ADOPTED, TODAY, null, null));
    }

    @Test
    void givenSubmitted_whenDecidedInTheFuture_thenRefusedByRuleFive() {
        at(fixture, drafted(), submitted())
                .when(adopt(LAHOLM, "Kommunstyrelsen", BoardOutcome.ADOPTED, TODAY.plusDays(3), null))
                .expectException(refusedWith(ErrorCode.DATE_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void givenSubmitted_whenMinutesPostedBeforeTheDecision_thenRefused() {
        at(fixture, drafted(), submitted())
                .when(adopt(LAHOLM, "Kommunstyrelsen", BoardOutcome.ADOPTED, TODAY, TODAY.minusDays(1)))
                .expectException(refusedWith(ErrorCode.DATE_OUT_OF_ORDER))
                .expectNoEvents();
    }

    @Test
    void givenSubmitted_whenDecisionNamesNoVersion_thenRefused() {
        at(fixture, drafted(), submitted())
                .when(new AdoptByBoard(
                        ID,
                        DECISION,
                        LAHOLM,
                        SHA_UNKNOWN,
                        "Kommunstyrelsen",
                        TODAY,
                        "KS 1",
                        null,
                        BoardOutcome.ADOPTED,
                        null,
                        null,
                        null))
                .expectException(refusedWith(ErrorCode.WRONG_TEXT_VERSION))
                .expectNoEvents();
    }

    @Test
    void givenSubmitted_whenAPartyNotInTheAgreementDecides_thenRefused() {
        at(fixture, drafted(), submitted())
                .when(adopt(PartyId.of("hylte"), "Kommunstyrelsen", BoardOutcome.ADOPTED, TODAY, null))
                .expectException(refusedWith(ErrorCode.PARTY_NOT_IN_AGREEMENT))
                .expectNoEvents();
    }

    @Test
    void givenTheSameDecisionIdRecordedBefore_whenRecordedAgain_thenRefused() {
        at(
                        fixture,
                        drafted(),
                        submitted(),
                        recorded(LAHOLM, true, "Kommunstyrelsen", BoardOutcome.TABLED, TODAY, null, null))
                .when(adopt(LAHOLM, "Kommunstyrelsen", BoardOutcome.ADOPTED, TODAY, null))
                .expectException(refusedWith(ErrorCode.DUPLICATE_ID))
                .expectNoEvents();
    }

    @Test
    void givenTheOtherPartyAdopted_whenTheLastBoardAdopts_thenInForce() {
        LocalDate first = TODAY.minusDays(20);
        LocalDate last = TODAY.minusDays(5);
        at(fixture, drafted(ADOPTION_ONLY, UNTIL_FURTHER_NOTICE), submitted(), adopted(HALMSTAD, first))
                .when(adopt(LAHOLM, "Kommunstyrelsen", BoardOutcome.ADOPTED, last, null))
                .expectEvents(
                        recorded(LAHOLM, true, "Kommunstyrelsen", BoardOutcome.ADOPTED, last, null, null),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, last));
    }

    @Test
    void givenTheLastBoardRejected_whenEverythingElseIsIn_thenNotInForce() {
        at(fixture, drafted(ADOPTION_ONLY, UNTIL_FURTHER_NOTICE), submitted(), adopted(HALMSTAD, TODAY))
                .when(adopt(LAHOLM, "Kommunstyrelsen", BoardOutcome.REJECTED, TODAY, null))
                .expectEvents(recorded(LAHOLM, true, "Kommunstyrelsen", BoardOutcome.REJECTED, TODAY, null, null));
    }

    @Test
    void givenABoardRejected_whenItAdoptsLater_thenTheLatestDecisionCountsAndTheAgreementEntersIntoForce() {
        LocalDate rejected = TODAY.minusDays(30);
        at(
                        fixture,
                        drafted(ADOPTION_ONLY, UNTIL_FURTHER_NOTICE),
                        submitted(),
                        adopted(HALMSTAD, rejected),
                        decided(LAHOLM, DecisionId.random(), BoardOutcome.REJECTED, rejected))
                .when(adopt(LAHOLM, "Kommunstyrelsen", BoardOutcome.ADOPTED, TODAY, null))
                .expectEvents(
                        recorded(LAHOLM, true, "Kommunstyrelsen", BoardOutcome.ADOPTED, TODAY, null, null),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, TODAY));
    }

    @Test
    void givenAnAdoptionAndAnEarlierRejectionRecordedAfterIt_whenTheLastBoardAdopts_thenTheAdoptionStillCounts() {
        LocalDate adoptedOn = TODAY.minusDays(2);
        at(
                        fixture,
                        drafted(ADOPTION_ONLY, UNTIL_FURTHER_NOTICE),
                        submitted(),
                        adopted(LAHOLM, adoptedOn),
                        // recorded late: decided before the adoption, so the adoption is still the latest decision
                        decided(LAHOLM, DecisionId.random(), BoardOutcome.REJECTED, adoptedOn.minusDays(8)))
                .when(adopt(HALMSTAD, "Kommunstyrelsen", BoardOutcome.ADOPTED, TODAY, null))
                .expectEvents(
                        recorded(HALMSTAD, true, "Kommunstyrelsen", BoardOutcome.ADOPTED, TODAY, null, null),
                        new AgreementEnteredIntoForce(ID, 1, SHA_V1, TODAY));
    }

    @ParameterizedTest
    @EnumSource(
            value = BoardOutcome.class,
            names = {"REFERRED_BACK", "TABLED"})
    void givenOtherPartyAdopted_whenLastDecisionIsReferredBackOrTabled_thenOnlyRecorded(BoardOutcome outcome) {
        at(fixture, drafted(ADOPTION_ONLY, UNTIL_FURTHER_NOTICE), submitted(), adopted(HALMSTAD, TODAY))
                .when(adopt(LAHOLM, "Kommunstyrelsen", outcome, TODAY, null))
                .expectEvents(recorded(LAHOLM, true, "Kommunstyrelsen", outcome, TODAY, null, null));
    }

    @Test
    void givenWaitForLegalForce_whenTheLastSwedishBoardAdopts_thenEntryWaitsForTheAppealWindow() {
        LocalDate decided = LocalDate.of(2026, 2, 23);
        LocalDate posted = LocalDate.of(2026, 2, 26);
        LocalDate windowEnds = LocalDate.of(2026, 3, 19);
        at(fixture, drafted(ADOPTION_ONLY, WAITING), submitted(), swedishAdoptionLegallyFinal(HALMSTAD))
                .when(adopt(LAHOLM, "Kommunstyrelsen", BoardOutcome.ADOPTED, decided, posted))
                .expectEvents(
                        recorded(LAHOLM, true, "Kommunstyrelsen", BoardOutcome.ADOPTED, decided, posted, windowEnds))
                .expectScheduledDeadline(
                        java.time.Duration.between(NOW, BusinessTime.startOf(windowEnds.plusDays(1))),
                        new LegalForceCheckDue(SHA_V1));
    }

    @Test
    void givenWaitingForTheAppealWindow_whenItPasses_thenCoopItselfRecordsEntryIntoForce() {
        LocalDate decided = LocalDate.of(2026, 2, 23);
        LocalDate posted = LocalDate.of(2026, 2, 26);
        LocalDate windowEnds = LocalDate.of(2026, 3, 19);
        Instant dayAfterWindow = BusinessTime.startOf(windowEnds.plusDays(1));
        at(fixture, drafted(ADOPTION_ONLY, WAITING), submitted(), swedishAdoptionLegallyFinal(HALMSTAD))
                .andGivenCommands(adopt(LAHOLM, "Kommunstyrelsen", BoardOutcome.ADOPTED, decided, posted))
                .whenTimeAdvancesTo(dayAfterWindow)
                .expectEventsMatching(
                        onlyByTimer(new AgreementEnteredIntoForce(ID, 1, SHA_V1, windowEnds.plusDays(1))));
    }

    @Test
    void givenWaitForLegalForce_whenMinutesAreNotPosted_thenTheAdoptionCannotBecomeFinalAndEntryWaits() {
        at(fixture, drafted(ADOPTION_ONLY, WAITING), submitted(), swedishAdoptionLegallyFinal(HALMSTAD))
                .when(adopt(LAHOLM, "Kommunstyrelsen", BoardOutcome.ADOPTED, TODAY, null))
                .expectEvents(recorded(LAHOLM, true, "Kommunstyrelsen", BoardOutcome.ADOPTED, TODAY, null, null))
                .expectNoScheduledDeadlines();
    }

    /** An adoption whose appeal window closed long ago. */
    static BoardDecisionRecorded swedishAdoptionLegallyFinal(PartyId party) {
        LocalDate decided = LocalDate.of(2025, 12, 1);
        LocalDate posted = LocalDate.of(2025, 12, 3);
        return new BoardDecisionRecorded(
                ID,
                DecisionId.random(),
                party,
                SHA_V1,
                1,
                null,
                true,
                "Kommunstyrelsen",
                decided,
                "KS 2025/1",
                null,
                BoardOutcome.ADOPTED,
                List.of(),
                posted,
                AppealWindow.lastDay(posted),
                null);
    }

    /** Exactly one event, with the given payload, recorded as Coop's own doing rather than a user's. */
    static Matcher<List<EventMessage<?>>> onlyByTimer(Object payload) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.size() == 1
                        && events.get(0).getPayload().equals(payload)
                        && "coop".equals(events.get(0).getMetaData().get("actor"))
                        && "SYSTEM".equals(events.get(0).getMetaData().get("role"));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("only " + payload + " with actor coop and role SYSTEM");
            }
        };
    }
}
