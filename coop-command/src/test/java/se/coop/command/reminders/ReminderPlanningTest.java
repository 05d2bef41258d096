package se.coop.command.reminders;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.coop.api.AgreementId;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementText;
import se.coop.api.BusinessTime;
import se.coop.api.LocalizedText;
import se.coop.api.Participant;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.PartyKind;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.Term;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewHeld;
import se.coop.api.event.ReviewOutcomeRecorded;
import se.coop.api.event.ReviewRescheduled;
import se.coop.api.event.ReviewScheduled;
import se.coop.api.event.TerminationCause;
import se.coop.api.reminder.PlanReminders;
import se.coop.api.reminder.ReminderPlanId;
import se.coop.api.reminder.ReminderSubject;
import se.coop.api.reminder.WithdrawReminders;

class ReminderPlanningTest {

    private static final AgreementId ID = AgreementId.of("34343434-5656-4787-8989-010101010101");
    private static final ReviewId REVIEW = ReviewId.of("56565656-7878-4989-8a0a-121212121212");
    private static final PartyId HALMSTAD = PartyId.of("halmstad");
    private static final PartyId LAHOLM = PartyId.of("laholm");
    private static final LocalDate IN_FORCE = LocalDate.of(2026, 2, 1);
    private static final OffsetDateTime STARTS = OffsetDateTime.parse("2027-01-20T13:00:00+01:00");
    private static final List<Participant> REVIEWERS =
            List.of(new Participant("Anna", HALMSTAD, null, "anna@example.org"));
    private static final Participant KANSLI =
            new Participant("Kansliet, Halmstads kommun", HALMSTAD, null, "kansli@halmstad.example.org");

    private SagaTestFixture<ReminderPlanning> fixture;

    /** The sequence numbers after which the agreement's stream holds its end, as the event store would answer. */
    private final Map<AgreementId, Long> endedAfter = new HashMap<>();

    @BeforeEach
    void fixture() {
        fixture = new SagaTestFixture<>(ReminderPlanning.class);
        fixture.registerResource(new PlanningSettings(Map.of("halmstad", "kansli@halmstad.example.org"), null, null));
        fixture.registerResource((AgreementStream) (agreementId, sequence) ->
                endedAfter.containsKey(agreementId) && endedAfter.get(agreementId) <= sequence);
    }

    private static IntentDrafted drafted(AgreementKind kind) {
        return new IntentDrafted(
                ID,
                LocalizedText.sv("Samverkan"),
                kind,
                false,
                List.of(
                        new Party(HALMSTAD, "Halmstads kommun", PartyKind.MUNICIPALITY, "SE", "KS", null, true),
                        new Party(LAHOLM, "Laholms kommun", PartyKind.MUNICIPALITY, "SE", "KS", null, false)),
                List.of(),
                new Term(null, null, true, 6, false),
                12,
                List.of(30, 7),
                null,
                1,
                new AgreementText("a".repeat(64), "Avtal", null, null, null));
    }

    private static ReviewScheduled scheduled() {
        return new ReviewScheduled(ID, REVIEW, ReviewKind.ANNUAL_REVIEW, STARTS, "Rådhuset", REVIEWERS, null);
    }

    private static PlanReminders meeting(OffsetDateTime at, String location) {
        return new PlanReminders(
                ReminderPlanId.meeting(REVIEW),
                ID,
                REVIEW,
                ReminderSubject.MEETING,
                at,
                location,
                "Årlig uppföljning",
                REVIEWERS,
                List.of(30, 7),
                false);
    }

    private static PlanReminders overdue(LocalDate dueOn) {
        return overdueAt(dueOn.plusDays(1).atStartOfDay(BusinessTime.ZONE).toOffsetDateTime());
    }

    private static PlanReminders overdueAt(OffsetDateTime at) {
        return new PlanReminders(
                ReminderPlanId.overdue(ID),
                ID,
                null,
                ReminderSubject.OVERDUE_REVIEW,
                at,
                null,
                "Årlig uppföljning saknas",
                List.of(KANSLI),
                List.of(0),
                false);
    }

    @Test
    void whenTheAgreementEntersIntoForce_thenTheLeadSecretariatIsRemindedShouldTheReviewBeOverdue() {
        fixture.givenAggregate(ID.toString())
                .published(drafted(AgreementKind.LETTER_OF_INTENT))
                .whenAggregate(ID.toString())
                .publishes(new AgreementEnteredIntoForce(ID, 1, "a".repeat(64), IN_FORCE))
                .expectDispatchedCommands(overdue(IN_FORCE.plusMonths(12)));
    }

    @Test
    void whenCoopLearnsOfAnAgreementThatIsOverdueAlready_thenTheSecretariatIsRemindedOnlyAfterTheGrace() {
        OffsetDateTime afterGrace = fixture.currentTime()
                .plus(Duration.ofHours(1))
                .atZone(BusinessTime.ZONE)
                .toOffsetDateTime();
        fixture.givenAggregate(ID.toString())
                .published(drafted(AgreementKind.LETTER_OF_INTENT))
                .whenAggregate(ID.toString())
                .publishes(new AgreementEnteredIntoForce(ID, 1, "a".repeat(64), LocalDate.of(2015, 3, 1)))
                .expectDispatchedCommands(overdueAt(afterGrace));
    }

    @Test
    void whenSomethingHappensThatLeavesTheOverdueDayAsItWas_thenNothingIsPlannedAgain() {
        fixture.givenAggregate(ID.toString())
                .published(
                        drafted(AgreementKind.LETTER_OF_INTENT),
                        new AgreementEnteredIntoForce(ID, 1, "a".repeat(64), LocalDate.of(2015, 3, 1)))
                .whenAggregate(ID.toString())
                .publishes(new ReviewHeld(
                        ID,
                        ReviewId.random(),
                        ReviewKind.MEETING,
                        LocalDate.of(2015, 9, 1),
                        "Rådhuset",
                        List.of(),
                        "Workshop",
                        "Genomförd",
                        ReviewDecision.CONTINUE,
                        null))
                .expectNoDispatchedCommands();
    }

    @Test
    void whenTheDecisionThatBringsItIntoForceAlsoEndsIt_thenNothingIsPlanned() {
        endedAfter.put(ID, 1L);
        fixture.givenAggregate(ID.toString())
                .published(drafted(AgreementKind.AVTALSSAMVERKAN))
                .whenAggregate(ID.toString())
                .publishes(new AgreementEnteredIntoForce(ID, 1, "a".repeat(64), LocalDate.of(2015, 3, 1)))
                .expectNoDispatchedCommands();
    }

    /** Rule 7: only a review held counts; the reminder of an overdue review moves when one is held, not scheduled. */
    @Test
    void whenAnAnnualReviewIsScheduled_thenItsRemindersArePlannedAndTheOverdueReminderStays() {
        fixture.givenAggregate(ID.toString())
                .published(
                        drafted(AgreementKind.LETTER_OF_INTENT),
                        new AgreementEnteredIntoForce(ID, 1, "a".repeat(64), IN_FORCE))
                .whenAggregate(ID.toString())
                .publishes(scheduled())
                .expectDispatchedCommands(meeting(STARTS, "Rådhuset"));
    }

    @Test
    void whenTheMeetingMoves_thenItsRemindersMoveWithIt() {
        OffsetDateTime later = STARTS.plusDays(14);
        fixture.givenAggregate(ID.toString())
                .published(
                        drafted(AgreementKind.LETTER_OF_INTENT),
                        new AgreementEnteredIntoForce(ID, 1, "a".repeat(64), IN_FORCE),
                        scheduled())
                .whenAggregate(ID.toString())
                .publishes(new ReviewRescheduled(ID, REVIEW, later, "Stadshuset", null))
                .expectDispatchedCommands(meeting(later, "Stadshuset"));
    }

    @Test
    void whenTheMeetingIsCancelled_thenItsRemindersAreWithdrawn() {
        fixture.givenAggregate(ID.toString())
                .published(
                        drafted(AgreementKind.LETTER_OF_INTENT),
                        new AgreementEnteredIntoForce(ID, 1, "a".repeat(64), IN_FORCE),
                        scheduled())
                .whenAggregate(ID.toString())
                .publishes(new ReviewCancelled(ID, REVIEW, "inställt"))
                .expectDispatchedCommands(
                        new WithdrawReminders(ReminderPlanId.meeting(REVIEW), "the meeting was cancelled"));
    }

    @Test
    void whenTheReviewIsHeld_thenTheNextIsDueACadenceLater() {
        LocalDate held = LocalDate.of(2027, 1, 20);
        fixture.givenAggregate(ID.toString())
                .published(
                        drafted(AgreementKind.LETTER_OF_INTENT),
                        new AgreementEnteredIntoForce(ID, 1, "a".repeat(64), IN_FORCE),
                        scheduled())
                .whenAggregate(ID.toString())
                .publishes(new ReviewOutcomeRecorded(ID, REVIEW, held, "Fortsätter", ReviewDecision.CONTINUE, null))
                .expectDispatchedCommands(
                        new WithdrawReminders(ReminderPlanId.meeting(REVIEW), "the meeting was held"),
                        overdue(held.plusMonths(12)));
    }

    @Test
    void whenAnAvtalssamverkanEntersIntoForce_thenEachSwedishPartysYearlyCouncilReportIsPlanned() {
        OffsetDateTime firstReport =
                IN_FORCE.plusYears(1).atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
        fixture.givenAggregate(ID.toString())
                .published(drafted(AgreementKind.AVTALSSAMVERKAN))
                .whenAggregate(ID.toString())
                .publishes(new AgreementEnteredIntoForce(ID, 1, "a".repeat(64), IN_FORCE))
                .expectDispatchedCommands(
                        overdue(IN_FORCE.plusMonths(12)),
                        new PlanReminders(
                                ReminderPlanId.councilReport(ID, HALMSTAD),
                                ID,
                                null,
                                ReminderSubject.COUNCIL_REPORT,
                                firstReport,
                                null,
                                "Årlig redovisning till fullmäktige (KL 9 kap. 38 §)",
                                List.of(KANSLI),
                                List.of(30, 7),
                                true),
                        new PlanReminders(
                                ReminderPlanId.councilReport(ID, LAHOLM),
                                ID,
                                null,
                                ReminderSubject.COUNCIL_REPORT,
                                firstReport,
                                null,
                                "Årlig redovisning till fullmäktige (KL 9 kap. 38 §)",
                                List.of(new Participant("Kansliet, Laholms kommun", LAHOLM, null, null)),
                                List.of(30, 7),
                                true));
    }

    @Test
    void whenTheAgreementIsTerminated_thenEveryPlanIsWithdrawnAndTheSagaEnds() {
        fixture.givenAggregate(ID.toString())
                .published(
                        drafted(AgreementKind.LETTER_OF_INTENT),
                        new AgreementEnteredIntoForce(ID, 1, "a".repeat(64), IN_FORCE),
                        scheduled())
                .whenAggregate(ID.toString())
                .publishes(new AgreementTerminated(ID, "klart", LocalDate.of(2026, 12, 31), TerminationCause.DECISION))
                .expectDispatchedCommands(
                        new WithdrawReminders(ReminderPlanId.meeting(REVIEW), "the agreement was terminated"),
                        new WithdrawReminders(ReminderPlanId.overdue(ID), "the agreement was terminated"))
                .expectActiveSagas(0);
    }
}
