package se.coop.app.histories;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.coop.api.AppealOutcome;
import se.coop.api.ApprovalType;
import se.coop.api.BoardOutcome;
import se.coop.api.BusinessTime;
import se.coop.api.Party;
import se.coop.api.Term;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.AmendmentProposed;
import se.coop.api.event.AppealRecorded;
import se.coop.api.event.ApprovalsVoided;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.DraftAbandoned;
import se.coop.api.event.DraftRevised;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.PartyLeft;
import se.coop.api.event.PartyRemoved;
import se.coop.api.event.SubmittedForAdoption;
import se.coop.query.readmodel.RecordedEvent;

/**
 * When an agreement and its amendments should enter into force, worked out again from the rule text of
 * docs/domain.md (rules 2, 3, 4, 6, 8, 11, 12) — on purpose without Coop's own rule code ({@code coop-rules}), so that
 * the two can disagree. It reads what was recorded (signatures, decisions, appeals, submissions, revisions, removals,
 * departures, the end) and ignores Coop's own entries into force, which it predicts instead.
 */
final class ReferenceModel {

    /** What the rules say should have entered into force by now, and from which day. */
    record Expectation(LocalDate agreementFrom, List<String> amendments) {}

    private record Decision(
            String id, String party, BoardOutcome outcome, LocalDate decidedOn, int order, LocalDate lastDay) {}

    private static final class Round {
        final String sha;
        final String amendmentId;
        final Map<String, LocalDate> signedOn = new HashMap<>();
        final Map<String, List<Decision>> decisions = new HashMap<>();

        Round(String sha, String amendmentId) {
            this.sha = sha;
            this.amendmentId = amendmentId;
        }
    }

    private final Map<String, Party> active = new LinkedHashMap<>();
    private final Map<String, List<AppealRecorded>> appeals = new HashMap<>();
    private Term term;
    private Round round;
    private boolean ended;
    private int order;
    private LocalDate checkedThrough;
    private LocalDate agreementFrom;
    private final List<String> amendments = new ArrayList<>();

    static Expectation of(List<RecordedEvent> events, Instant now) {
        ReferenceModel model = new ReferenceModel();
        for (RecordedEvent event : events) {
            model.passTimeTo(day(event.recordedAt()));
            model.apply(event);
        }
        model.passTimeTo(day(now));
        return new Expectation(model.agreementFrom, List.copyOf(model.amendments));
    }

    private void apply(RecordedEvent recorded) {
        Object event = recorded.payload();
        LocalDate today = day(recorded.recordedAt());
        if (event instanceof IntentDrafted e) {
            e.parties().forEach(p -> active.put(p.partyId().toString(), p));
            term = e.term();
            checkedThrough = today;
        } else if (event instanceof DraftRevised e) {
            if (e.newTextVersion()) {
                round = null;
            }
            if (e.term() != null) {
                term = e.term();
                check(today, today);
            }
        } else if (event instanceof ApprovalsVoided) {
            round = null;
        } else if (event instanceof SubmittedForAdoption e) {
            round = new Round(e.textSha256(), null);
        } else if (event instanceof AmendmentProposed e) {
            round = new Round(e.text().sha256(), e.amendmentId().toString());
        } else if (event instanceof AgreementSigned e) {
            String party = e.partyId().toString();
            if (round != null && round.sha.equals(e.textSha256()) && active.containsKey(party)) {
                round.signedOn.putIfAbsent(party, e.signedOn());
            }
            check(today, null);
        } else if (event instanceof BoardDecisionRecorded e) {
            String party = e.partyId().toString();
            order++;
            if (round != null
                    && round.sha.equals(e.textSha256())
                    && active.containsKey(party)
                    && sameBody(e.body(), active.get(party).adoptingBody())) {
                round.decisions
                        .computeIfAbsent(party, p -> new ArrayList<>())
                        .add(new Decision(
                                e.decisionId().toString(),
                                party,
                                e.outcome(),
                                e.decidedOn(),
                                order,
                                e.appealWindowEndsOn()));
            }
            check(today, null);
        } else if (event instanceof AppealRecorded e) {
            appeals.computeIfAbsent(e.decisionId().toString(), d -> new ArrayList<>())
                    .add(e);
            check(today, null);
        } else if (event instanceof PartyRemoved e) {
            active.remove(e.partyId().toString());
            check(today, today);
        } else if (event instanceof PartyLeft e) {
            active.remove(e.partyId().toString());
            if (active.size() < 2) {
                ended = true;
            }
            check(today, e.leftOn());
        } else if (event instanceof AgreementTerminated
                || event instanceof AgreementExpired
                || event instanceof DraftAbandoned) {
            ended = true;
        }
    }

    /** Days pass: an agreement that waits for legal force looks again at the start of each. */
    private void passTimeTo(LocalDate today) {
        if (checkedThrough == null) {
            return;
        }
        for (LocalDate day = checkedThrough.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            if (round != null && term.waitsForLegalForce()) {
                check(day, null);
            }
        }
        if (today.isAfter(checkedThrough)) {
            checkedThrough = today;
        }
    }

    /**
     * Rules 6 and 8: when every active party has given every approval it requires, the round enters into force — from
     * the later of the day that was so and the agreed start (the agreement only); from the day of a removal, a
     * departure or a revised term when that is what completed it.
     */
    private void check(LocalDate today, LocalDate notBefore) {
        if (round == null || ended) {
            return;
        }
        LocalDate complete = LocalDate.MIN;
        for (Party party : active.values()) {
            LocalDate approved = approvedOn(party, today);
            if (approved == null) {
                return;
            }
            complete = complete.isAfter(approved) ? complete : approved;
        }
        if (notBefore != null && notBefore.isAfter(complete)) {
            complete = notBefore;
        }
        if (round.amendmentId == null) {
            if (term.startsOn() != null && term.startsOn().isAfter(complete)) {
                complete = term.startsOn();
            }
            if (term.endsOn() != null && complete.isAfter(term.endsOn())) {
                ended = true;
            } else {
                agreementFrom = complete;
            }
        } else {
            amendments.add(round.amendmentId + " from " + complete);
        }
        round = null;
    }

    /**
     * Rules 2, 4 and 12, as written: the party's signature if it must sign; its board's adoption if it must adopt —
     * the latest of its adoptions and rejections counting, referrals and tablings changing nothing — not annulled;
     * with waiting for legal force, a Swedish adoption only from the day it is final.
     */
    private LocalDate approvedOn(Party party, LocalDate today) {
        String id = party.partyId().toString();
        Decision counting = null;
        for (Decision d : round.decisions.getOrDefault(id, List.of())) {
            if (d.outcome() != BoardOutcome.ADOPTED && d.outcome() != BoardOutcome.REJECTED) {
                continue;
            }
            boolean later = counting == null
                    || d.decidedOn().isAfter(counting.decidedOn())
                    || (d.decidedOn().equals(counting.decidedOn()) && d.order() > counting.order());
            if (later) {
                counting = d;
            }
        }
        if (counting != null && counting.outcome() == BoardOutcome.REJECTED) {
            return null;
        }
        LocalDate approved = LocalDate.MIN;
        if (party.requires().contains(ApprovalType.SIGNATURE)) {
            LocalDate signed = round.signedOn.get(id);
            if (signed == null) {
                return null;
            }
            approved = signed;
        }
        if (party.requires().contains(ApprovalType.BOARD_ADOPTION)) {
            if (counting == null) {
                return null;
            }
            List<AppealRecorded> steps = appeals.getOrDefault(counting.id(), List.of());
            if (steps.stream().anyMatch(s -> s.outcome() == AppealOutcome.ANNULLED)) {
                return null;
            }
            approved = approved.isAfter(counting.decidedOn()) ? approved : counting.decidedOn();
            if (term.waitsForLegalForce() && "SE".equals(party.country())) {
                LocalDate finalFrom = finalFrom(counting, steps);
                if (finalFrom == null || finalFrom.isAfter(today)) {
                    return null;
                }
                approved = approved.isAfter(finalFrom) ? approved : finalFrom;
            }
        }
        return approved;
    }

    /**
     * Rule 12 as decided in docs/domain.md: not final while an appeal is lodged and not ruled on, nor without a posting
     * day; else from the later of the day after the last day to appeal and the last dismissal.
     */
    private static LocalDate finalFrom(Decision decision, List<AppealRecorded> steps) {
        if (decision.lastDay() == null) {
            return null;
        }
        int open = 0;
        LocalDate from = decision.lastDay().plusDays(1);
        for (AppealRecorded step : steps) {
            if (step.outcome() == AppealOutcome.LODGED) {
                open = 1;
            } else if (step.outcome() == AppealOutcome.DISMISSED) {
                open = 0;
                from = step.on().isAfter(from) ? step.on() : from;
            }
        }
        return open > 0 ? null : from;
    }

    private static boolean sameBody(String a, String b) {
        return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, BusinessTime.ZONE);
    }
}
