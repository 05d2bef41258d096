package se.coop.command.reminders;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import se.coop.api.AgreementId;
import se.coop.api.AgreementKind;
import se.coop.api.BusinessTime;
import se.coop.api.Participant;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.event.AgreementArchived;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.DraftAbandoned;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.PartyLeft;
import se.coop.api.event.PartyRemoved;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewHeld;
import se.coop.api.event.ReviewOutcomeRecorded;
import se.coop.api.event.ReviewRescheduled;
import se.coop.api.event.ReviewScheduled;
import se.coop.api.reminder.PlanReminders;
import se.coop.api.reminder.ReminderPlanId;
import se.coop.api.reminder.ReminderSubject;
import se.coop.api.reminder.WithdrawReminders;
import se.coop.command.CommandNode;
import se.coop.rules.CouncilReports;
import se.coop.rules.ReviewCadence;

/**
 * Plans an agreement's reminders from what happens to it (docs/domain.md rules 7 and 13, Reminders): each scheduled
 * meeting's reminders to its reviewers, moved and withdrawn with the meeting; a reminder to the lead party's
 * secretariat when no annual review is held or scheduled within the cadence; and, for an avtalssamverkan, each Swedish
 * party's yearly report to its council. Everything it plans is withdrawn when the agreement ends.
 */
@CommandNode
@Saga
@ProcessingGroup(ReminderPlanning.PROCESSING_GROUP)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReminderPlanning {

    public static final String PROCESSING_GROUP = "reminder-planning";
    private static final String ASSOCIATION = "agreementId";

    /** What the saga keeps of a scheduled meeting, to re-plan it when it moves. */
    public record Meeting(ReviewKind kind, String title, String location, List<Participant> reviewers) {}

    private AgreementId agreementId;
    private AgreementKind kind;
    private List<Integer> offsets = new ArrayList<>();
    private int cadenceMonths;
    private PartyId leadParty;
    private Map<String, String> partyNames = new LinkedHashMap<>();
    private List<String> swedishParties = new ArrayList<>();
    private boolean inForce;
    private LocalDate effectiveFrom;
    private LocalDate lastReviewHeldOn;
    private Map<String, Meeting> meetings = new HashMap<>();
    private boolean overduePlanned;
    private LocalDate overdueFrom;

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(IntentDrafted event) {
        agreementId = event.agreementId();
        kind = event.kind();
        offsets = new ArrayList<>(event.reminderOffsetsDays());
        cadenceMonths = event.reviewCadenceMonths();
        for (Party party : event.parties()) {
            partyNames.put(party.partyId().toString(), party.name());
            if (party.lead()) {
                leadParty = party.partyId();
            }
            if (party.inSweden()) {
                swedishParties.add(party.partyId().toString());
            }
        }
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(
            AgreementEnteredIntoForce event,
            @SequenceNumber long sequence,
            @Timestamp Instant recordedAt,
            CommandGateway commands,
            PlanningSettings settings,
            AgreementStream stream) {
        if (stream.endedAfter(agreementId, sequence)) {
            return;
        }
        inForce = true;
        effectiveFrom = event.effectiveFrom();
        watchCadence(commands, settings, recordedAt);
        if (kind == AgreementKind.AVTALSSAMVERKAN) {
            for (String party : swedishParties) {
                PartyId partyId = PartyId.of(party);
                commands.sendAndWait(new PlanReminders(
                        ReminderPlanId.councilReport(agreementId, partyId),
                        agreementId,
                        null,
                        ReminderSubject.COUNCIL_REPORT,
                        startOf(CouncilReports.firstDueOn(effectiveFrom)),
                        null,
                        "Årlig redovisning till fullmäktige (KL 9 kap. 38 §)",
                        List.of(settings.secretariatOf(partyId, partyNames.get(party))),
                        offsets,
                        true));
            }
        }
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(ReviewScheduled event, @Timestamp Instant recordedAt, CommandGateway commands, PlanningSettings settings) {
        Meeting meeting = new Meeting(event.kind(), event.title(), event.location(), event.reviewers());
        meetings.put(event.reviewId().toString(), meeting);
        planMeeting(commands, event.reviewId(), meeting, event.startsAt());
        watchCadence(commands, settings, recordedAt);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(ReviewRescheduled event, CommandGateway commands) {
        Meeting meeting = meetings.get(event.reviewId().toString());
        if (meeting == null) {
            return;
        }
        Meeting moved = new Meeting(
                meeting.kind(),
                meeting.title(),
                event.location() != null ? event.location() : meeting.location(),
                meeting.reviewers());
        meetings.put(event.reviewId().toString(), moved);
        planMeeting(commands, event.reviewId(), moved, event.startsAt());
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(ReviewCancelled event, @Timestamp Instant recordedAt, CommandGateway commands, PlanningSettings settings) {
        if (meetings.remove(event.reviewId().toString()) != null) {
            commands.sendAndWait(
                    new WithdrawReminders(ReminderPlanId.meeting(event.reviewId()), "the meeting was cancelled"));
        }
        watchCadence(commands, settings, recordedAt);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(ReviewHeld event, @Timestamp Instant recordedAt, CommandGateway commands, PlanningSettings settings) {
        if (event.kind() == ReviewKind.ANNUAL_REVIEW) {
            held(event.heldOn());
        }
        watchCadence(commands, settings, recordedAt);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(
            ReviewOutcomeRecorded event,
            @Timestamp Instant recordedAt,
            CommandGateway commands,
            PlanningSettings settings) {
        Meeting meeting = meetings.remove(event.reviewId().toString());
        if (meeting != null) {
            commands.sendAndWait(
                    new WithdrawReminders(ReminderPlanId.meeting(event.reviewId()), "the meeting was held"));
            if (meeting.kind() == ReviewKind.ANNUAL_REVIEW) {
                held(event.heldOn());
            }
        }
        watchCadence(commands, settings, recordedAt);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(PartyLeft event, CommandGateway commands) {
        leave(event.partyId(), commands);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(PartyRemoved event, CommandGateway commands) {
        leave(event.partyId(), commands);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(AgreementTerminated event, CommandGateway commands) {
        withdrawAll(commands, "the agreement was terminated");
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(AgreementExpired event, CommandGateway commands) {
        withdrawAll(commands, "the agreement expired");
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(DraftAbandoned event, CommandGateway commands) {
        withdrawAll(commands, "the draft was abandoned");
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(AgreementArchived event, CommandGateway commands) {
        withdrawAll(commands, "the agreement was archived");
    }

    private void planMeeting(CommandGateway commands, ReviewId reviewId, Meeting meeting, OffsetDateTime startsAt) {
        commands.sendAndWait(new PlanReminders(
                ReminderPlanId.meeting(reviewId),
                agreementId,
                reviewId,
                ReminderSubject.MEETING,
                startsAt,
                meeting.location(),
                meeting.title() != null
                        ? meeting.title()
                        : meeting.kind() == ReviewKind.ANNUAL_REVIEW ? "Årlig uppföljning" : "Möte",
                meeting.reviewers(),
                offsets,
                false));
    }

    private void held(LocalDate heldOn) {
        if (lastReviewHeldOn == null || heldOn.isAfter(lastReviewHeldOn)) {
            lastReviewHeldOn = heldOn;
        }
    }

    /**
     * Rule 7 ({@link ReviewCadence}): an agreement in force is overdue from the day after its cadence has passed since
     * the last annual review held (or entry into force); the lead party's secretariat is reminded that day — or, when
     * Coop learns of it only after that day, once the grace has passed. A review only scheduled does not move it; one
     * held does. Planned once per day it became overdue.
     */
    private void watchCadence(CommandGateway commands, PlanningSettings settings, Instant recordedAt) {
        if (!inForce) {
            return;
        }
        LocalDate dueOn = ReviewCadence.dueOn(effectiveFrom, lastReviewHeldOn, cadenceMonths);
        if (overduePlanned && dueOn.equals(overdueFrom)) {
            return;
        }
        commands.sendAndWait(new PlanReminders(
                ReminderPlanId.overdue(agreementId),
                agreementId,
                null,
                ReminderSubject.OVERDUE_REVIEW,
                settings.overdueReminderAt(startOf(dueOn.plusDays(1)).toInstant(), recordedAt)
                        .atZone(BusinessTime.ZONE)
                        .toOffsetDateTime(),
                null,
                "Årlig uppföljning saknas",
                List.of(settings.secretariatOf(leadParty, partyNames.get(leadParty.toString()))),
                List.of(0),
                false));
        overduePlanned = true;
        overdueFrom = dueOn;
    }

    private void leave(PartyId party, CommandGateway commands) {
        if (swedishParties.remove(party.toString()) && inForce && kind == AgreementKind.AVTALSSAMVERKAN) {
            commands.sendAndWait(new WithdrawReminders(
                    ReminderPlanId.councilReport(agreementId, party), "the party is no longer in the agreement"));
        }
    }

    private void withdrawAll(CommandGateway commands, String reason) {
        for (String reviewId : meetings.keySet()) {
            commands.sendAndWait(new WithdrawReminders(ReminderPlanId.meeting(ReviewId.of(reviewId)), reason));
        }
        meetings.clear();
        if (overduePlanned) {
            commands.sendAndWait(new WithdrawReminders(ReminderPlanId.overdue(agreementId), reason));
        }
        if (inForce && kind == AgreementKind.AVTALSSAMVERKAN) {
            for (String party : swedishParties) {
                commands.sendAndWait(
                        new WithdrawReminders(ReminderPlanId.councilReport(agreementId, PartyId.of(party)), reason));
            }
        }
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
    }
}
