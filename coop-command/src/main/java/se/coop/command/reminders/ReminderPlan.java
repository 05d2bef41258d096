package se.coop.command.reminders;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import se.coop.api.AgreementId;
import se.coop.api.Origin;
import se.coop.api.Participant;
import se.coop.api.ReviewId;
import se.coop.api.contact.Contact;
import se.coop.api.reminder.PlanReminders;
import se.coop.api.reminder.RecipientsReferred;
import se.coop.api.reminder.ReferRecipient;
import se.coop.api.reminder.ReminderPlanId;
import se.coop.api.reminder.ReminderSubject;
import se.coop.api.reminder.RemindersPlanned;
import se.coop.api.reminder.RemindersWithdrawn;
import se.coop.api.reminder.ReviewReminderIssued;
import se.coop.api.reminder.WithdrawReminders;
import se.coop.rules.ReminderTimes;

/**
 * The reminders of one thing that falls due: a reminder at each offset before it, each on a durable timer, issued
 * into this plan's own stream. Moved to another time, the offsets are counted afresh for the new time — the reviewers
 * hear of the new date — while a change of place alone issues nothing. Of the reminders whose time has already passed
 * — a meeting planned inside its offsets, or timers that fell due while Coop was down — only the nearest is issued: no
 * burst of stale reminders. A meeting's reminders stop when it begins. (docs/domain.md, Reminders; the times are
 * {@link ReminderTimes}'.)
 */
class ReminderPlan {

    static final String DUE = "reminder-due";
    static final String CYCLE = "reminder-cycle";

    /** Reminders are Coop's own doing. */
    private static final MetaData BY_COOP = Origin.COOP;

    @AggregateIdentifier
    private ReminderPlanId planId;

    private AgreementId agreementId;
    private ReviewId reviewId;
    private ReminderSubject subject;
    private OffsetDateTime dueAt;
    private String location;
    private String title;
    private List<Participant> recipients = List.of();
    private List<Integer> offsets = List.of();
    private boolean yearly;
    private boolean withdrawn;
    private final Set<Integer> issued = new HashSet<>();
    /** How often each time was planned afresh: a plan that comes back to a time reminds of it again. */
    private final Map<Instant, Integer> rounds = new HashMap<>();

    ReminderPlan() {
        // for Axon, which rebuilds the plan from its events and creates it on the first PlanReminders
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlanReminders command, Clock clock, DeadlineManager deadlines) {
        Instant now = clock.instant();
        OffsetDateTime due = command.dueAt();
        while (command.yearly() && !due.toInstant().isAfter(now)) {
            due = due.plusYears(1);
        }
        List<Integer> plannedOffsets =
                command.offsetsDays().stream().distinct().sorted().toList();
        boolean unchanged = planId != null
                && !withdrawn
                && due.isEqual(dueAt)
                && Objects.equals(command.location(), location)
                && Objects.equals(command.title(), title)
                && command.recipients().equals(recipients)
                && plannedOffsets.equals(offsets);
        if (unchanged) {
            return;
        }
        apply(
                new RemindersPlanned(
                        command.planId(),
                        command.agreementId(),
                        command.reviewId(),
                        command.subject(),
                        due,
                        command.location(),
                        command.title(),
                        List.copyOf(command.recipients()),
                        plannedOffsets,
                        command.yearly()),
                BY_COOP);
        schedule(now, deadlines);
    }

    /** Recipients named by an address (events before the contact register) are referred to by its contact. */
    @CommandHandler
    void handle(ReferRecipient command) {
        String key = Contact.key(command.email());
        List<Integer> named = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Participant recipient = recipients.get(i);
            if (recipient.contactId() == null
                    && recipient.email() != null
                    && Contact.key(recipient.email()).equals(key)) {
                named.add(i);
            }
        }
        if (!named.isEmpty()) {
            apply(new RecipientsReferred(planId, agreementId, named, command.contactId()), BY_COOP);
        }
    }

    @CommandHandler
    void handle(WithdrawReminders command) {
        if (withdrawn) {
            return;
        }
        apply(new RemindersWithdrawn(planId, agreementId, pending(), command.reason()), BY_COOP);
    }

    @DeadlineHandler(deadlineName = DUE)
    void on(ReminderDue due, Clock clock) {
        int offset = due.offsetDays();
        if (withdrawn || !due.dueAt().isEqual(dueAt) || !offsets.contains(offset)) {
            return;
        }
        Instant now = clock.instant();
        boolean nearerAlsoDue = offsets.stream()
                .anyMatch(d -> d < offset && !issued.contains(d) && !timeOf(d).isAfter(now));
        if (issued.contains(offset)
                || issued.stream().anyMatch(d -> d < offset)
                || nearerAlsoDue
                || !live(offset, now)) {
            return;
        }
        issue(offset);
    }

    @DeadlineHandler(deadlineName = CYCLE)
    void on(ReminderCycleEnds cycle, Clock clock, DeadlineManager deadlines) {
        if (withdrawn || !cycle.dueAt().isEqual(dueAt)) {
            return;
        }
        apply(
                new RemindersPlanned(
                        planId,
                        agreementId,
                        reviewId,
                        subject,
                        dueAt.plusYears(1),
                        location,
                        title,
                        recipients,
                        offsets,
                        true),
                BY_COOP);
        schedule(clock.instant(), deadlines);
    }

    /**
     * Sets a timer for each reminder still to come, and issues the nearest one whose time has passed. Timers of an
     * earlier plan are not cancelled but ignored when they fire (they name the due time and offset they were set for):
     * db-scheduler cancels "all within a scope" by reading every deadline it holds, which grows with all of Coop's
     * meetings, while a stale timer costs one look at this plan when it fires.
     */
    private void schedule(Instant now, DeadlineManager deadlines) {
        Integer nearestPassed = null;
        for (int offset : offsets) {
            if (issued.contains(offset)) {
                continue;
            }
            Instant at = timeOf(offset);
            if (at.isAfter(now)) {
                deadlines.schedule(at, DUE, new ReminderDue(offset, dueAt));
            } else if (nearestPassed == null || offset < nearestPassed) {
                nearestPassed = offset;
            }
        }
        if (nearestPassed != null) {
            int nearest = nearestPassed;
            if (live(nearest, now) && issued.stream().noneMatch(d -> d < nearest)) {
                issue(nearest);
            }
        }
        if (yearly) {
            deadlines.schedule(dueAt.toInstant(), CYCLE, new ReminderCycleEnds(dueAt));
        }
    }

    /** A reminder ahead of something is pointless once it has begun; one at the due time itself stays due. */
    private boolean live(int offset, Instant now) {
        return offset == 0 || now.isBefore(dueAt.toInstant());
    }

    private Instant timeOf(int offset) {
        return ReminderTimes.dueAt(dueAt, offset);
    }

    private void issue(int offset) {
        apply(
                new ReviewReminderIssued(
                        planId,
                        ReminderTimes.reminderId(
                                planId.toString(), offset, dueAt, rounds.getOrDefault(dueAt.toInstant(), 1)),
                        agreementId,
                        reviewId,
                        subject,
                        offset,
                        dueAt,
                        location,
                        title,
                        recipients),
                BY_COOP);
    }

    private List<Integer> pending() {
        List<Integer> pending = new ArrayList<>();
        for (int offset : offsets) {
            if (!issued.contains(offset)) {
                pending.add(offset);
            }
        }
        return pending;
    }

    @EventSourcingHandler
    void on(RemindersPlanned event) {
        boolean anotherTime = dueAt != null && !event.dueAt().isEqual(dueAt);
        if (anotherTime || withdrawn) {
            issued.clear();
        }
        if (dueAt == null || anotherTime || withdrawn) {
            rounds.merge(event.dueAt().toInstant(), 1, Integer::sum);
        }
        planId = event.planId();
        agreementId = event.agreementId();
        reviewId = event.reviewId();
        subject = event.subject();
        dueAt = event.dueAt();
        location = event.location();
        title = event.title();
        recipients = event.recipients();
        offsets = event.offsetsDays();
        yearly = event.yearly();
        withdrawn = false;
    }

    @EventSourcingHandler
    void on(ReviewReminderIssued event) {
        issued.add(event.offsetDays());
    }

    @EventSourcingHandler
    void on(RecipientsReferred event) {
        List<Participant> referred = new ArrayList<>(recipients);
        for (int i : event.recipients()) {
            Participant recipient = referred.get(i);
            referred.set(i, new Participant(recipient.name(), recipient.partyId(), event.contactId(), null));
        }
        recipients = List.copyOf(referred);
    }

    @EventSourcingHandler
    void on(RemindersWithdrawn event) {
        withdrawn = true;
    }
}
