package se.coop.app.histories;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import se.coop.api.AgreementId;
import se.coop.api.AgreementState;
import se.coop.api.ApprovalType;
import se.coop.api.BoardOutcome;
import se.coop.api.BusinessTime;
import se.coop.api.command.DraftIntent;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AmendmentEnteredIntoForce;
import se.coop.api.event.ReviewScheduled;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.PartyStatusView;
import se.coop.api.reminder.ReminderPlanId;
import se.coop.api.reminder.ReviewReminderIssued;
import se.coop.app.histories.Generator.Step;
import se.coop.app.histories.InMemoryCoop.Outcome;
import se.coop.command.agreement.AgreementAccess;
import se.coop.query.readmodel.RecordedEvent;
import se.coop.query.status.FoldAccess;

/**
 * Runs one history against {@link InMemoryCoop} and checks the lifecycle's properties after every step:
 *
 * <ol>
 *   <li>a refused command writes nothing (no event, no timer); no command fails other than by a refusal;
 *   <li>the business dates are consistent with everything before them ({@link BusinessDates});
 *   <li>the state the aggregate acts on and the state the status fold shows agree;
 *   <li>the agreement and its amendments enter into force exactly when the {@link ReferenceModel} says;
 *   <li>the fold kept event by event equals a fold of the whole stream and {@code asOf} now; at the end, the fold
 *       answers every {@code asOf} instant and every {@code validOn} day of the history;
 *   <li>each meeting's reminders are exactly those its times and offsets call for ({@link ReminderReference}).
 * </ol>
 */
final class HistoryRun {

    /** A property that did not hold, with the steps that led there. */
    static final class Failure extends AssertionError {
        final String property;
        final List<Step> steps;

        Failure(String property, String message, List<Step> steps, Throwable cause) {
            super(property + ": " + message, cause);
            this.property = property;
            this.steps = List.copyOf(steps);
        }
    }

    private final InMemoryCoop coop;
    private final List<Step> steps = new ArrayList<>();
    private AgreementId agreementId;
    private FoldAccess.Live live = new FoldAccess.Live();
    private int folded;
    private int accepted;
    private int refused;
    private final java.util.Set<String> eventTypes = new java.util.TreeSet<>();

    HistoryRun(InMemoryCoop coop) {
        this.coop = coop;
    }

    int accepted() {
        return accepted;
    }

    int refused() {
        return refused;
    }

    /** The types of the events this history recorded, of the agreement and of its meetings' reminders. */
    java.util.Set<String> eventTypes() {
        return eventTypes;
    }

    /** Generates a history from {@code seed} and runs it, step by step. */
    static HistoryRun generate(InMemoryCoop coop, long seed) {
        Random random = new Random(seed);
        Instant start = ZonedDateTime.of(2025, 1, 1, 8, 0, 0, 0, BusinessTime.ZONE)
                .plusDays(random.nextInt(1500))
                .plusMinutes(random.nextInt(600))
                .toInstant();
        Generator generator = new Generator(seed);
        HistoryRun run = new HistoryRun(coop);
        coop.restart(start);
        Step step = generator.draft(start);
        int length = 15 + random.nextInt(60);
        for (int i = 0; i < length; i++) {
            if (run.run(step)) {
                generator.accepted(step.command());
            }
            if (run.agreementId == null) {
                return run;
            }
            AgreementState state = run.live.render(coop.clock.instant()).state();
            step = generator.next(coop.clock.instant(), state);
        }
        run.finish();
        return run;
    }

    /** Runs recorded steps again (shrinking a failure). */
    static void replay(InMemoryCoop coop, List<Step> steps) {
        HistoryRun run = new HistoryRun(coop);
        coop.restart(steps.get(0).at());
        for (Step step : steps) {
            run.run(step);
        }
        run.finish();
    }

    /** @return whether the step's command was accepted */
    private boolean run(Step step) {
        steps.add(step);
        if (step.command() instanceof DraftIntent draft) {
            agreementId = draft.agreementId();
        }
        Outcome outcome;
        try {
            coop.advanceTo(step.at());
            long events = coop.eventCount();
            List<ManualDeadlines.Timer> timers = coop.timers.pending();
            outcome = coop.send(step.command());
            if (!(outcome instanceof Outcome.Accepted)) {
                refused++;
                check(
                        "1 refused writes nothing",
                        coop.eventCount() == events && coop.timers.pending().equals(timers),
                        () -> "the refused command wrote " + (coop.eventCount() - events) + " events and "
                                + (coop.timers.pending().size() - timers.size()) + " timers");
            } else {
                accepted++;
            }
        } catch (Failure failure) {
            throw failure;
        } catch (RuntimeException | AssertionError e) {
            throw new Failure("1 no command fails", String.valueOf(e), steps, e);
        }
        if (agreementId != null) {
            checkStep();
        }
        return outcome instanceof Outcome.Accepted;
    }

    private void checkStep() {
        Instant now = coop.clock.instant();
        List<RecordedEvent> events = coop.agreementEvents(agreementId);
        if (events.isEmpty()) {
            return;
        }
        for (RecordedEvent event : events.subList(folded, events.size())) {
            live.apply(event);
        }
        folded = events.size();
        AgreementStatusView view = attempt("5 the fold answers", () -> live.render(now));
        AgreementStatusView all = attempt("5 the fold answers", () -> FoldAccess.foldAll(events, now));
        AgreementStatusView asOfNow =
                attempt("5 the fold answers", () -> FoldAccess.asOf(events, now).orElseThrow());
        check("5 live equals a rebuild", view.equals(all), () -> "live " + view + "\nrebuilt " + all);
        check("5 live equals asOf now", view.equals(asOfNow), () -> "live " + view + "\nasOf now " + asOfNow);

        List<String> dates = BusinessDates.violations(events, view);
        check("2 business dates are consistent", dates.isEmpty(), () -> String.join("\n", dates));

        AgreementAccess.Facts facts = coop.facts(agreementId);
        String disagreement = disagreement(facts, view);
        check("3 the aggregate and the fold agree", disagreement == null, () -> disagreement);

        ReferenceModel.Expectation expected = ReferenceModel.of(events, now);
        ReferenceModel.Expectation actual = entries(events);
        check(
                "4 entry into force as the reference says",
                Objects.equals(expected, actual),
                () -> "expected " + expected + ", Coop recorded " + actual);

        List<ReminderReference.Reminder> wanted = sorted(ReminderReference.expected(events, now));
        List<ReminderReference.Reminder> issued = sorted(issued(events));
        check(
                "6 meeting reminders as their times call for",
                wanted.equals(issued),
                () -> "expected " + wanted + "\nissued   " + issued);
        check(
                "6 each reminder has an identity of its own",
                reminderIds.size() == new java.util.HashSet<>(reminderIds).size(),
                () -> "reminder ids " + reminderIds);
    }

    /** At the end: every asOf instant of the history, and every validOn day of its range, answer. */
    private void finish() {
        if (agreementId == null) {
            return;
        }
        List<RecordedEvent> events = coop.agreementEvents(agreementId);
        if (events.isEmpty()) {
            return;
        }
        for (RecordedEvent event : events) {
            Instant at = event.recordedAt();
            attempt("5 asOf answers at " + at, () -> FoldAccess.asOf(events, at));
            attempt("5 asOf answers at " + at.minusNanos(1), () -> FoldAccess.asOf(events, at.minusNanos(1)));
        }
        LocalDate first = ReferenceModel.day(events.get(0).recordedAt()).minusDays(120);
        LocalDate last = ReferenceModel.day(coop.clock.instant()).plusDays(60);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate on = day;
            attempt("5 validOn answers on " + on, () -> FoldAccess.validOn(events, on));
        }
    }

    /** Property 3, as a sentence, or null when the aggregate and the fold agree. */
    private static String disagreement(AgreementAccess.Facts facts, AgreementStatusView view) {
        if (facts.state() != view.state()
                || !Objects.equals(facts.effectiveFrom(), view.effectiveFrom())
                || !Objects.equals(facts.endedOn(), view.endedOn())
                || !Objects.equals(facts.terminatesOn(), view.terminatesOn())) {
            return "aggregate " + facts + "\nfold " + view;
        }
        if (facts.state() == AgreementState.IN_FORCE && facts.inForceVersion() != view.textVersion()) {
            return "version in force: aggregate " + facts.inForceVersion() + ", fold " + view.textVersion();
        }
        if (facts.state() == AgreementState.IN_FORCE) {
            if (facts.roundVersion() == null) {
                return view.pendingAmendment() == null ? null : "the fold shows an amendment the aggregate has not";
            }
            if (view.pendingAmendment() == null || view.pendingAmendment().textVersion() != facts.roundVersion()) {
                return "amendment: aggregate version " + facts.roundVersion() + ", fold " + view.pendingAmendment();
            }
            for (Map.Entry<String, AgreementAccess.PartyFacts> party :
                    facts.parties().entrySet()) {
                boolean shown = view.pendingAmendment().approvedBy().contains(party.getKey());
                if (shown != party.getValue().approved()) {
                    return "amendment approved by " + party.getKey() + ": aggregate "
                            + party.getValue().approved() + ", fold " + shown;
                }
            }
        }
        if (facts.state() == AgreementState.AWAITING_APPROVAL) {
            for (Map.Entry<String, AgreementAccess.PartyFacts> party :
                    facts.parties().entrySet()) {
                PartyStatusView shown = view.parties().stream()
                        .filter(p -> p.partyId().equals(party.getKey()))
                        .findFirst()
                        .orElseThrow();
                boolean approved = approvedAsShown(shown);
                if (approved != party.getValue().approved()
                        || !Objects.equals(
                                shown.legallyFinalOn(), party.getValue().legallyFinalFrom())) {
                    return "party " + party.getKey() + ": aggregate " + party.getValue() + ", fold " + shown;
                }
            }
        }
        return null;
    }

    /** A party's approval as the status shows it: what it must give, given; its board not against. */
    private static boolean approvedAsShown(PartyStatusView party) {
        boolean rejected =
                party.latestDecision() != null && party.latestDecision().outcome() == BoardOutcome.REJECTED;
        boolean signed = !party.requires().contains(ApprovalType.SIGNATURE) || party.signed();
        boolean adopted = !party.requires().contains(ApprovalType.BOARD_ADOPTION) || party.adopted();
        return signed && adopted && !rejected;
    }

    private static ReferenceModel.Expectation entries(List<RecordedEvent> events) {
        LocalDate agreementFrom = null;
        List<String> amendments = new ArrayList<>();
        for (RecordedEvent event : events) {
            if (event.payload() instanceof AgreementEnteredIntoForce e) {
                agreementFrom = e.effectiveFrom();
            } else if (event.payload() instanceof AmendmentEnteredIntoForce e) {
                amendments.add(e.amendmentId() + " from " + e.effectiveFrom());
            }
        }
        return new ReferenceModel.Expectation(agreementFrom, amendments);
    }

    private final List<String> reminderIds = new ArrayList<>();

    private List<ReminderReference.Reminder> issued(List<RecordedEvent> events) {
        reminderIds.clear();
        List<ReminderReference.Reminder> issued = new ArrayList<>();
        for (RecordedEvent event : events) {
            eventTypes.add(event.payload().getClass().getSimpleName());
            if (event.payload() instanceof ReviewScheduled e) {
                String plan = ReminderPlanId.meeting(e.reviewId()).toString();
                coop.stream(plan).forEach(message -> {
                    eventTypes.add(message.getPayloadType().getSimpleName());
                    if (message.getPayload() instanceof ReviewReminderIssued r) {
                        reminderIds.add(r.reminderId());
                        issued.add(ReminderReference.of(
                                e.reviewId().toString(), r.dueAt(), r.offsetDays(), message.getTimestamp()));
                    }
                });
            }
        }
        return issued;
    }

    private static List<ReminderReference.Reminder> sorted(List<ReminderReference.Reminder> reminders) {
        List<ReminderReference.Reminder> sorted = new ArrayList<>(reminders);
        sorted.sort(Comparator.comparing(ReminderReference.Reminder::toString));
        return sorted;
    }

    private <T> T attempt(String property, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw new Failure(property, String.valueOf(e), steps, e);
        }
    }

    private void check(String property, boolean holds, java.util.function.Supplier<String> why) {
        if (!holds) {
            throw new Failure(property, why.get(), steps, null);
        }
    }
}
