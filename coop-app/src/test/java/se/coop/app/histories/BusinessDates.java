package se.coop.app.histories;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.coop.api.AppealOutcome;
import se.coop.api.BusinessTime;
import se.coop.api.Term;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.AmendmentEnteredIntoForce;
import se.coop.api.event.AppealRecorded;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.DraftRevised;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.NoticeGiven;
import se.coop.api.event.PartyLeft;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewHeld;
import se.coop.api.event.ReviewOutcomeRecorded;
import se.coop.api.event.ReviewRescheduled;
import se.coop.api.event.ReviewScheduled;
import se.coop.api.event.TerminationDecided;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.PartyStatusView;
import se.coop.query.readmodel.RecordedEvent;

/**
 * The business dates of a history, each consistent with everything before it: nothing is done after the day it was
 * recorded (rule 5), nothing leaves before the agreement began, ends before it began, is held before it was planned or
 * outside the agreement's time, and no decision is final before its window closed.
 */
final class BusinessDates {

    private BusinessDates() {}

    static List<String> violations(List<RecordedEvent> events, AgreementStatusView view) {
        List<String> found = new ArrayList<>();
        Term term = null;
        LocalDate effectiveFrom = null;
        LocalDate endedOn = null; // the last day in force
        Map<String, LocalDate> scheduledOn = new HashMap<>();
        Map<String, BoardDecisionRecorded> decisions = new HashMap<>();
        Map<String, AppealRecorded> lastStep = new HashMap<>();
        Map<String, LocalDate> noticeGiven = new HashMap<>();
        Map<String, LocalDate> scheduledFor = new HashMap<>();
        LocalDate endsOn = null; // the first day no longer in force, once decided
        for (RecordedEvent recorded : events) {
            Object event = recorded.payload();
            LocalDate today = LocalDate.ofInstant(recorded.recordedAt(), BusinessTime.ZONE);
            String at = "event " + recorded.sequence() + " " + event.getClass().getSimpleName() + ": ";
            if (event instanceof IntentDrafted e) {
                term = e.term();
            } else if (event instanceof DraftRevised e && e.term() != null) {
                term = e.term();
            } else if (event instanceof AgreementSigned e) {
                notAfter(found, at + "signed", e.signedOn(), today);
            } else if (event instanceof BoardDecisionRecorded e) {
                notAfter(found, at + "decided", e.decidedOn(), today);
                if (e.minutesPostedOn() != null) {
                    notAfter(found, at + "minutes posted", e.minutesPostedOn(), today);
                    notBefore(found, at + "minutes posted", e.minutesPostedOn(), "decided", e.decidedOn());
                }
                decisions.put(e.decisionId().toString(), e);
            } else if (event instanceof AppealRecorded e) {
                notAfter(found, at + "appeal", e.on(), today);
                BoardDecisionRecorded decision = decisions.get(e.decisionId().toString());
                notBefore(found, at + "appeal", e.on(), "decided", decision.decidedOn());
                AppealRecorded last = lastStep.get(e.decisionId().toString());
                if (last != null) {
                    notBefore(found, at + "appeal " + e.outcome(), e.on(), "previous step", last.on());
                }
                if (e.outcome() == AppealOutcome.LODGED && decision.appealWindowEndsOn() != null) {
                    notAfter(found, at + "appeal lodged", e.on(), decision.appealWindowEndsOn());
                }
                lastStep.put(e.decisionId().toString(), e);
            } else if (event instanceof AgreementEnteredIntoForce e) {
                effectiveFrom = e.effectiveFrom();
                if (term.startsOn() != null) {
                    notBefore(found, at + "in force", e.effectiveFrom(), "agreed start", term.startsOn());
                }
                if (term.endsOn() != null) {
                    notAfter(found, at + "in force", e.effectiveFrom(), term.endsOn());
                }
            } else if (event instanceof AmendmentEnteredIntoForce e) {
                notBefore(found, at + "amendment in force", e.effectiveFrom(), "agreement in force", effectiveFrom);
            } else if (event instanceof NoticeGiven e) {
                notAfter(found, at + "notice", e.givenOn(), today);
                notBefore(found, at + "notice", e.givenOn(), "agreement in force", effectiveFrom);
                noticeGiven.put(e.partyId().toString(), e.givenOn());
            } else if (event instanceof PartyLeft e) {
                notBefore(found, at + "left", e.leftOn(), "agreement in force", effectiveFrom);
                LocalDate given = noticeGiven.get(e.partyId().toString());
                if (given != null) {
                    notBefore(found, at + "left", e.leftOn(), "notice given", given);
                }
            } else if (event instanceof TerminationDecided e) {
                if (!e.effectiveOn().isAfter(today)) {
                    found.add(at + "a termination decided for a later day takes effect " + e.effectiveOn());
                }
                notBefore(found, at + "terminates", e.effectiveOn(), "agreement in force", effectiveFrom);
                endsOn = e.effectiveOn();
                if (term.endsOn() != null) {
                    notAfter(found, at + "terminates", e.effectiveOn(), term.endsOn());
                }
            } else if (event instanceof AgreementTerminated e) {
                notBefore(found, at + "terminated", e.effectiveOn(), "agreement in force", effectiveFrom);
                endedOn = e.effectiveOn().minusDays(1);
                endsOn = e.effectiveOn();
            } else if (event instanceof AgreementExpired e) {
                if (!e.endedOn().equals(term.endsOn())) {
                    found.add(
                            at + "expired on " + e.endedOn() + ", not at the end of its term (" + term.endsOn() + ")");
                }
                if (effectiveFrom != null) {
                    notBefore(found, at + "expired", e.endedOn(), "agreement in force", effectiveFrom);
                }
                endedOn = e.endedOn();
            } else if (event instanceof ReviewScheduled e) {
                if (!e.startsAt().toInstant().isAfter(recorded.recordedAt())) {
                    found.add(at + "scheduled for " + e.startsAt() + ", not in the future");
                }
                scheduledOn.put(e.reviewId().toString(), today);
                scheduledFor.put(e.reviewId().toString(), day(e.startsAt()));
            } else if (event instanceof ReviewCancelled e) {
                scheduledFor.remove(e.reviewId().toString());
            } else if (event instanceof ReviewRescheduled e) {
                scheduledFor.put(e.reviewId().toString(), day(e.startsAt()));
                if (!e.startsAt().toInstant().isAfter(recorded.recordedAt())) {
                    found.add(at + "moved to " + e.startsAt() + ", not in the future");
                }
            } else if (event instanceof ReviewHeld e) {
                notAfter(found, at + "held", e.heldOn(), today);
                heldInForce(found, at, e.heldOn(), effectiveFrom, endedOn);
            } else if (event instanceof ReviewOutcomeRecorded e) {
                scheduledFor.remove(e.reviewId().toString());
                notAfter(found, at + "held", e.heldOn(), today);
                notBefore(
                        found,
                        at + "held",
                        e.heldOn(),
                        "scheduled",
                        scheduledOn.get(e.reviewId().toString()));
                heldInForce(found, at, e.heldOn(), effectiveFrom, endedOn);
            }
        }
        if (endsOn != null) {
            for (Map.Entry<String, LocalDate> meeting : scheduledFor.entrySet()) {
                if (!meeting.getValue().isBefore(endsOn)) {
                    found.add("meeting " + meeting.getKey() + " still scheduled for " + meeting.getValue()
                            + ", when the agreement ends on " + endsOn);
                }
            }
        }
        for (PartyStatusView party : view.parties()) {
            if (party.legallyFinalOn() != null && party.appealWindowEndsOn() != null) {
                if (!party.legallyFinalOn().isAfter(party.appealWindowEndsOn())) {
                    found.add("party " + party.partyId() + " legally final from " + party.legallyFinalOn()
                            + ", before its window closed (" + party.appealWindowEndsOn() + ")");
                }
            }
        }
        return found;
    }

    private static void heldInForce(
            List<String> found, String at, LocalDate heldOn, LocalDate effectiveFrom, LocalDate endedOn) {
        notBefore(found, at + "held", heldOn, "agreement in force", effectiveFrom);
        if (endedOn != null) {
            notAfter(found, at + "held", heldOn, endedOn);
        }
    }

    private static void notAfter(List<String> found, String what, LocalDate date, LocalDate limit) {
        if (date.isAfter(limit)) {
            found.add(what + " on " + date + ", after " + limit);
        }
    }

    private static void notBefore(List<String> found, String what, LocalDate date, String other, LocalDate limit) {
        if (limit == null) {
            found.add(what + " on " + date + ", but there is no " + other + " yet");
        } else if (date.isBefore(limit)) {
            found.add(what + " on " + date + ", before " + other + " (" + limit + ")");
        }
    }

    private static LocalDate day(java.time.OffsetDateTime at) {
        return LocalDate.ofInstant(at.toInstant(), BusinessTime.ZONE);
    }
}
