package se.coop.web.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.coop.api.AgreementState;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.Owed;
import se.coop.api.query.PartyStatusView;
import se.coop.web.Formats;
import se.coop.web.Words;

/**
 * What an agreement still waits for, at a glance: per party the decision or signature it owes, appeal windows running
 * and when they end, the entry into force it waits for, the next review or the overdue one, the yearly report to the
 * council (KL 9 kap. 38 §), an ended agreement not yet archived — each a link to the form that records it, where the
 * reader has that form. Read from the status the page shows, nothing decided here: the status fold and coop-rules
 * decided it.
 */
final class TaskList {

    /** One thing to do: in words, and the form that records it (null when there is none on the page for this reader). */
    record Task(String text, String href) {}

    private TaskList() {}

    static List<Task> of(
            AgreementStatusView view, LocalDate today, Map<String, Boolean> may, Words words, Formats fmt) {
        List<Task> tasks = new ArrayList<>();
        AgreementState state = view.state();
        if (state == AgreementState.DRAFT) {
            tasks.add(new Task(words.text("tasks.submit"), href(may, "submit")));
        }
        boolean approving = state == AgreementState.AWAITING_APPROVAL;
        for (PartyStatusView party : view.parties()) {
            if (!"ACTIVE".equals(party.participation()) && !"LEAVING".equals(party.participation())) {
                continue;
            }
            Set<Owed> owed = Owed.by(view, party);
            if (owed.contains(Owed.DECISION)) {
                tasks.add(new Task(
                        words.text("tasks.decision", party.name(), party.adoptingBody()), href(may, "decide")));
            }
            if (owed.contains(Owed.SIGNATURE)) {
                tasks.add(new Task(words.text("tasks.signature", party.name()), href(may, "sign")));
            }
            if (owed.contains(Owed.AMENDMENT)) {
                // the form of what the party gives: a company that only signs approves by its signature
                tasks.add(new Task(
                        words.text(
                                "tasks.amendment",
                                party.name(),
                                view.pendingAmendment().textVersion()),
                        href(may, party.requiresBoardAdoption() ? "decide" : "sign")));
            }
            if (party.appealWindowEndsOn() != null
                    && !party.appealWindowEndsOn().isBefore(today)
                    && !Boolean.TRUE.equals(party.legallyFinal())) {
                tasks.add(new Task(
                        words.text("tasks.appeal", party.name(), fmt.date(party.appealWindowEndsOn())),
                        href(may, "appeal")));
            }
            if (party.councilReportDueOn() != null) {
                tasks.add(new Task(
                        words.text("tasks.councilReport", party.name(), fmt.date(party.councilReportDueOn())), null));
            }
        }
        if (approving && view.term() != null && view.term().waitsForLegalForce()) {
            tasks.add(new Task(words.text("tasks.legalForce"), null));
        }
        if (state == AgreementState.IN_FORCE) {
            if (view.overdue()) {
                tasks.add(new Task(
                        words.text("tasks.overdue", view.reviewDueOn() == null ? "" : fmt.date(view.reviewDueOn())),
                        href(may, "held")));
            } else if (view.nextReview() == null && view.reviewDueOn() != null) {
                tasks.add(new Task(words.text("tasks.noReview", fmt.date(view.reviewDueOn())), href(may, "review")));
            }
        }
        if (state == AgreementState.TERMINATED
                || state == AgreementState.EXPIRED
                || state == AgreementState.ABANDONED) {
            tasks.add(new Task(words.text("tasks.archive"), href(may, "archive")));
        }
        return tasks;
    }

    private static String href(Map<String, Boolean> may, String form) {
        return Boolean.TRUE.equals(may.get(form)) ? "#form-" + form : null;
    }
}
