package se.coop.command.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.coop.api.AgreementId;
import se.coop.api.BusinessTime;
import se.coop.api.Participant;
import se.coop.api.PartyId;
import se.coop.api.ReviewId;
import se.coop.api.contact.ContactId;
import se.coop.api.reminder.PlanReminders;
import se.coop.api.reminder.RecipientsReferred;
import se.coop.api.reminder.ReferRecipient;
import se.coop.api.reminder.ReminderPlanId;
import se.coop.api.reminder.ReminderSubject;
import se.coop.api.reminder.RemindersPlanned;
import se.coop.api.reminder.RemindersWithdrawn;
import se.coop.api.reminder.ReviewReminderIssued;
import se.coop.api.reminder.WithdrawReminders;

class ReminderPlanTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final AgreementId AGREEMENT = AgreementId.of("12121212-3434-4565-8787-909090909090");
    private static final ReviewId REVIEW = ReviewId.of("abababab-cdcd-4efe-8aba-cdcdcdcdcdcd");
    private static final ReminderPlanId PLAN = ReminderPlanId.meeting(REVIEW);
    private static final List<Participant> REVIEWERS =
            List.of(new Participant("Anna", PartyId.of("halmstad"), null, "anna@example.org"));

    private AggregateTestFixture<ReminderPlan> fixture;

    /** Where Coop's clock stands when timers fire; null while it follows the fixture's time. */
    private Instant wallClock;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ReminderPlan.class);
        AggregateTestFixture<ReminderPlan> f = fixture;
        fixture.registerInjectableResource(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return wallClock != null ? wallClock : f.currentTime();
            }
        });
    }

    private static OffsetDateTime inDays(int days) {
        return OffsetDateTime.ofInstant(NOW, BusinessTime.ZONE)
                .plusDays(days)
                .withHour(13)
                .withMinute(0);
    }

    private static PlanReminders plan(OffsetDateTime at) {
        return new PlanReminders(
                PLAN,
                AGREEMENT,
                REVIEW,
                ReminderSubject.MEETING,
                at,
                "Rådhuset",
                null,
                REVIEWERS,
                List.of(30, 7),
                false);
    }

    private static RemindersPlanned planned(OffsetDateTime at) {
        return new RemindersPlanned(
                PLAN,
                AGREEMENT,
                REVIEW,
                ReminderSubject.MEETING,
                at,
                "Rådhuset",
                null,
                REVIEWERS,
                List.of(7, 30),
                false);
    }

    private static ReviewReminderIssued issued(OffsetDateTime at, int offset) {
        return new ReviewReminderIssued(
                PLAN,
                PLAN + ":" + offset + ":" + at.toInstant(),
                AGREEMENT,
                REVIEW,
                ReminderSubject.MEETING,
                offset,
                at,
                "Rådhuset",
                null,
                REVIEWERS);
    }

    private static Instant before(OffsetDateTime at, int days) {
        return at.atZoneSameInstant(BusinessTime.ZONE).minusDays(days).toInstant();
    }

    @Test
    void givenARecipientNamedByAddress_whenReferredToItsContact_thenTheRemindersToComeGoToTheContact() {
        OffsetDateTime at = inDays(60);
        ContactId anna = ContactId.of("0c0c0c0c-1111-4222-8333-444455556666");
        fixture.givenCurrentTime(NOW)
                .andGiven(planned(at))
                .when(new ReferRecipient(PLAN, "ANNA@Example.org", anna))
                .expectEvents(new RecipientsReferred(PLAN, AGREEMENT, List.of(0), anna));
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(plan(at), new ReferRecipient(PLAN, "anna@example.org", anna))
                .whenTimeAdvancesTo(before(at, 30))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(
                        org.hamcrest.Matchers.equalTo(new ReviewReminderIssued(
                                PLAN,
                                PLAN + ":30:" + at.toInstant(),
                                AGREEMENT,
                                REVIEW,
                                ReminderSubject.MEETING,
                                30,
                                at,
                                "Rådhuset",
                                null,
                                List.of(new Participant("Anna", PartyId.of("halmstad"), anna, null)))))));
    }

    @Test
    void givenNoRecipientWithTheAddress_whenReferred_thenNothing() {
        fixture.givenCurrentTime(NOW)
                .andGiven(planned(inDays(60)))
                .when(new ReferRecipient(PLAN, "bo@example.org", ContactId.random()))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenAMeetingIsPlannedWellAhead_thenATimerForEachOffsetAndNoReminderYet() {
        OffsetDateTime at = inDays(60);
        fixture.givenCurrentTime(NOW)
                .when(plan(at))
                .expectEvents(planned(at))
                .expectScheduledDeadline(Duration.between(NOW, before(at, 30)), new ReminderDue(30, at))
                .expectScheduledDeadline(Duration.between(NOW, before(at, 7)), new ReminderDue(7, at));
    }

    @Test
    void givenPlanned_whenThe30DayTimerFires_thenTheReminderIsIssuedByCoop() {
        OffsetDateTime at = inDays(60);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(plan(at))
                .whenTimeAdvancesTo(before(at, 30))
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(issued(at, 30)))));
    }

    @Test
    void givenAMeetingFiveDaysAhead_whenPlanned_thenOnlyTheNearestPassedOffsetIsIssuedAtOnce() {
        OffsetDateTime at = inDays(5);
        fixture.givenCurrentTime(NOW)
                .when(plan(at))
                .expectEvents(planned(at), issued(at, 7))
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenAMeetingTenDaysAhead_whenPlanned_thenThe30DayReminderAtOnceAndThe7DayOneLater() {
        OffsetDateTime at = inDays(10);
        fixture.givenCurrentTime(NOW)
                .when(plan(at))
                .expectEvents(planned(at), issued(at, 30))
                .expectScheduledDeadline(Duration.between(NOW, before(at, 7)), new ReminderDue(7, at));
    }

    @Test
    void givenPlanned_whenRescheduled_thenThePendingRemindersMove() {
        OffsetDateTime at = inDays(60);
        OffsetDateTime moved = inDays(90);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(plan(at))
                .when(plan(moved))
                .expectEvents(planned(moved))
                .expectScheduledDeadline(Duration.between(NOW, before(moved, 30)), new ReminderDue(30, moved))
                .expectScheduledDeadline(Duration.between(NOW, before(moved, 7)), new ReminderDue(7, moved));
    }

    /** A meeting moved to another time is reminded of afresh: the reviewers hear of the new date. */
    @Test
    void givenAReminderIssued_whenTheMeetingMovesFurtherAhead_thenItsRemindersAreCountedAfreshForTheNewTime() {
        OffsetDateTime at = inDays(5);
        OffsetDateTime moved = inDays(60);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(plan(at))
                .when(plan(moved))
                .expectEvents(planned(moved))
                .expectScheduledDeadline(Duration.between(NOW, before(moved, 30)), new ReminderDue(30, moved))
                .expectScheduledDeadline(Duration.between(NOW, before(moved, 7)), new ReminderDue(7, moved));
    }

    @Test
    void givenAMeetingMovedAfterItsReminder_whenThe30DayTimeOfTheNewDateComes_thenThatReminderIsIssued() {
        OffsetDateTime at = inDays(5);
        OffsetDateTime moved = inDays(60);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(plan(at), plan(moved))
                .whenTimeAdvancesTo(before(moved, 30))
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(issued(moved, 30)))));
    }

    /**
     * Moved away and back to a time it had (found by the review of issue 12): reminded of again, under an identity of
     * its own — the read models keep one row per identity, so the same one twice was never delivered.
     */
    @Test
    void givenAMeetingMovedAwayAndBack_whenMovedBack_thenItsReminderIsIssuedAgainUnderAnotherId() {
        OffsetDateTime at = inDays(5);
        OffsetDateTime moved = inDays(60);
        ReviewReminderIssued again = issued(at, 7);
        again = new ReviewReminderIssued(
                PLAN,
                again.reminderId() + "/2",
                AGREEMENT,
                REVIEW,
                ReminderSubject.MEETING,
                7,
                at,
                "Rådhuset",
                null,
                REVIEWERS);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(plan(at), plan(moved))
                .when(plan(at))
                .expectEvents(planned(at), again);
    }

    @Test
    void givenAMeetingMovedToAnotherTimeInsideItsOffsets_whenMoved_thenOnlyTheNearestPassedOffsetIsIssuedForIt() {
        OffsetDateTime at = inDays(20);
        OffsetDateTime moved = inDays(4);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(plan(at))
                .when(plan(moved))
                .expectEvents(planned(moved), issued(moved, 7));
    }

    @Test
    void givenAReminderIssued_whenOnlyThePlaceChanges_thenNothingIsIssued() {
        OffsetDateTime at = inDays(5);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(plan(at))
                .when(new PlanReminders(
                        PLAN,
                        AGREEMENT,
                        REVIEW,
                        ReminderSubject.MEETING,
                        at,
                        "Stadshuset",
                        null,
                        REVIEWERS,
                        List.of(30, 7),
                        false))
                .expectEvents(new RemindersPlanned(
                        PLAN,
                        AGREEMENT,
                        REVIEW,
                        ReminderSubject.MEETING,
                        at,
                        "Stadshuset",
                        null,
                        REVIEWERS,
                        List.of(7, 30),
                        false));
    }

    @Test
    void givenRescheduled_whenTheOldTimeComes_thenItsTimerFiresAndNothingIsIssued() {
        OffsetDateTime at = inDays(60);
        OffsetDateTime moved = inDays(90);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(plan(at), plan(moved))
                .whenTimeAdvancesTo(before(at, 30).plusSeconds(60))
                .expectNoEvents();
    }

    @Test
    void givenAnOffsetDroppedFromThePlan_whenItsOldTimerFires_thenNothingIsIssued() {
        OffsetDateTime at = inDays(60);
        PlanReminders onlySevenDays = new PlanReminders(
                PLAN, AGREEMENT, REVIEW, ReminderSubject.MEETING, at, "Rådhuset", null, REVIEWERS, List.of(7), false);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(plan(at), onlySevenDays)
                .whenTimeAdvancesTo(before(at, 30).plusSeconds(60))
                .expectNoEvents();
    }

    @Test
    void givenTheSamePlan_whenPlannedAgain_thenNothingHappens() {
        OffsetDateTime at = inDays(60);
        fixture.givenCurrentTime(NOW).andGivenCommands(plan(at)).when(plan(at)).expectNoEvents();
    }

    @Test
    void givenPlanned_whenWithdrawn_thenThePendingOffsetsAreRecordedAndNoTimerFires() {
        OffsetDateTime at = inDays(60);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(plan(at))
                .when(new WithdrawReminders(PLAN, "the meeting was cancelled"))
                .expectEvents(new RemindersWithdrawn(PLAN, AGREEMENT, List.of(7, 30), "the meeting was cancelled"));
    }

    @Test
    void givenWithdrawn_whenTheOffsetsPass_thenNothingIsIssued() {
        OffsetDateTime at = inDays(60);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(plan(at), new WithdrawReminders(PLAN, "the meeting was cancelled"))
                .whenTimeAdvancesTo(before(at, 7).plusSeconds(60))
                .expectNoEvents();
    }

    @Test
    void givenCoopWasDownPastBothOffsets_whenTheTimersFireLate_thenOnlyTheNearestIsIssued() {
        OffsetDateTime at = inDays(60);
        var given = fixture.givenCurrentTime(NOW).andGivenCommands(plan(at));
        wallClock = before(at, 3);
        given.whenTimeAdvancesTo(before(at, 3))
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(issued(at, 7)))));
    }

    @Test
    void givenAYearlyPlanWhoseFirstDateHasPassed_whenPlanned_thenItStartsAtTheNextAnniversaryWithoutStaleReminders() {
        ReminderPlanId plan = ReminderPlanId.councilReport(AGREEMENT, PartyId.of("laholm"));
        OffsetDateTime firstDue = OffsetDateTime.parse("2021-02-01T00:00:00+01:00");
        fixture.givenCurrentTime(NOW)
                .when(new PlanReminders(
                        plan,
                        AGREEMENT,
                        null,
                        ReminderSubject.COUNCIL_REPORT,
                        firstDue,
                        null,
                        "Redovisning",
                        REVIEWERS,
                        List.of(30, 7),
                        true))
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(new RemindersPlanned(
                                plan,
                                AGREEMENT,
                                null,
                                ReminderSubject.COUNCIL_REPORT,
                                OffsetDateTime.parse("2027-02-01T00:00:00+01:00"),
                                null,
                                "Redovisning",
                                REVIEWERS,
                                List.of(7, 30),
                                true)))));
    }

    @Test
    void givenAYearlyPlan_whenItsDateComes_thenItsReminderWasIssuedAndNextYearsArePlanned() {
        ReminderPlanId plan = ReminderPlanId.councilReport(AGREEMENT, PartyId.of("laholm"));
        OffsetDateTime due = OffsetDateTime.parse("2026-06-01T00:00:00+02:00");
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new PlanReminders(
                        plan,
                        AGREEMENT,
                        null,
                        ReminderSubject.COUNCIL_REPORT,
                        due,
                        null,
                        "Redovisning",
                        REVIEWERS,
                        List.of(7),
                        true))
                .whenTimeAdvancesTo(due.toInstant())
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.equalTo(new ReviewReminderIssued(
                                plan,
                                plan + ":7:" + due.toInstant(),
                                AGREEMENT,
                                null,
                                ReminderSubject.COUNCIL_REPORT,
                                7,
                                due,
                                null,
                                "Redovisning",
                                REVIEWERS)),
                        org.hamcrest.Matchers.equalTo(new RemindersPlanned(
                                plan,
                                AGREEMENT,
                                null,
                                ReminderSubject.COUNCIL_REPORT,
                                due.plusYears(1),
                                null,
                                "Redovisning",
                                REVIEWERS,
                                List.of(7),
                                true)))));
    }
}
