package se.coop.command.agreement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.AgreementState;
import se.coop.api.AgreementText;
import se.coop.api.AmendmentId;
import se.coop.api.AppealOutcome;
import se.coop.api.BusinessTime;
import se.coop.api.CommandRefusedException;
import se.coop.api.DecisionId;
import se.coop.api.DocumentId;
import se.coop.api.ErrorCode;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.ReviewId;
import se.coop.api.Reviewer;
import se.coop.api.Term;
import se.coop.api.Texts;
import se.coop.api.command.AbandonDraft;
import se.coop.api.command.AdoptByBoard;
import se.coop.api.command.ArchiveAgreement;
import se.coop.api.command.AttachDocument;
import se.coop.api.command.CancelReview;
import se.coop.api.command.DraftIntent;
import se.coop.api.command.GiveNotice;
import se.coop.api.command.LinkAgreement;
import se.coop.api.command.ProposeAmendment;
import se.coop.api.command.RecordAppeal;
import se.coop.api.command.RecordHeldReview;
import se.coop.api.command.RecordReviewOutcome;
import se.coop.api.command.RemoveParty;
import se.coop.api.command.RescheduleReview;
import se.coop.api.command.ReviseDraft;
import se.coop.api.command.ScheduleAnnualReview;
import se.coop.api.command.SignAgreement;
import se.coop.api.command.SubmitForAdoption;
import se.coop.api.command.TerminateAgreement;
import se.coop.api.event.AgreementArchived;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.AgreementLinked;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.AmendmentEnteredIntoForce;
import se.coop.api.event.AmendmentProposed;
import se.coop.api.event.AppealRecorded;
import se.coop.api.event.ApprovalsVoided;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.DocumentAttached;
import se.coop.api.event.DraftAbandoned;
import se.coop.api.event.DraftRevised;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.NoticeGiven;
import se.coop.api.event.PartyLeft;
import se.coop.api.event.PartyRemoved;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewHeld;
import se.coop.api.event.ReviewOutcomeRecorded;
import se.coop.api.event.ReviewRescheduled;
import se.coop.api.event.ReviewScheduled;
import se.coop.api.event.SubmittedForAdoption;
import se.coop.api.event.TerminationCause;

/**
 * One cooperation agreement, from letter of intent to archive. Each command handler guards the rules of DOMAIN.md
 * first and then applies events; the event sourcing handlers only assign. A refusal throws
 * {@link CommandRefusedException} and changes nothing; a command that changes nothing applies nothing.
 */
class Agreement {

    static final String LEGAL_FORCE_CHECK = "legal-force-check";
    static final String TERM_END = "term-end";
    static final String NOTICE_PERIOD_END = "notice-period-end";
    static final int DEFAULT_REVIEW_CADENCE_MONTHS = 12;
    static final List<Integer> DEFAULT_REMINDER_OFFSETS_DAYS = List.of(30, 7);

    /** Events that time itself brings are recorded as Coop's own doing, not the secretariat's. */
    private static final MetaData BY_TIMER = MetaData.with("actor", "coop").and("role", "SYSTEM");

    private static final MetaData BY_COMMAND = MetaData.emptyInstance();

    private record RecordedDecision(PartyId partyId, String textSha256, LocalDate decidedOn) {}

    /** A document as first attached: attaching the same file again must describe it the same way. */
    private record AttachedDocument(DocumentId id, String title, String mediaType, long size, String uri) {

        /** The same description: media types compare without regard to case, as RFC 9110 has it. */
        boolean describedAs(String title, String mediaType, Long size, String uri) {
            return this.title.equals(title)
                    && this.mediaType.equalsIgnoreCase(mediaType)
                    && Long.valueOf(this.size).equals(size)
                    && Objects.equals(this.uri, uri);
        }
    }

    private enum ReviewStatus {
        SCHEDULED,
        HELD,
        CANCELLED
    }

    @AggregateIdentifier
    private AgreementId agreementId;

    private AgreementState state;
    private Term term;
    private final Map<PartyId, Party> parties = new LinkedHashMap<>();
    private final Set<PartyId> departed = new HashSet<>();
    private final Map<PartyId, LocalDate> leavingOn = new HashMap<>();
    private final List<String> textVersions = new ArrayList<>();
    private int inForceVersion;
    private LocalDate effectiveFrom;
    private LocalDate endedOn;
    private ApprovalRound round;
    private long decisionsRecorded;
    private final Map<DecisionId, RecordedDecision> decisions = new HashMap<>();
    private final Map<DecisionId, ApprovalRound.Appeal> appeals = new HashMap<>();
    private final Map<ReviewId, ReviewStatus> reviews = new HashMap<>();
    private final Map<String, AttachedDocument> documentsBySha = new HashMap<>();
    private final Set<String> links = new HashSet<>();

    Agreement() {
        // for Axon, which rebuilds the aggregate from its events
    }

    // ------------------------------------------------------------------ drafting

    @CommandHandler
    Agreement(DraftIntent command) {
        requireValidParties(command.parties());
        int cadence =
                command.reviewCadenceMonths() == null ? DEFAULT_REVIEW_CADENCE_MONTHS : command.reviewCadenceMonths();
        List<Integer> offsets = command.reminderOffsetsDays() == null
                ? DEFAULT_REMINDER_OFFSETS_DAYS
                : command.reminderOffsetsDays().stream()
                        .distinct()
                        .sorted((a, b) -> b - a)
                        .toList();
        apply(new IntentDrafted(
                command.agreementId(),
                command.title(),
                command.kind(),
                command.binding(),
                command.parties(),
                command.focusAreas() == null ? List.of() : command.focusAreas(),
                command.term(),
                cadence,
                offsets,
                command.funding(),
                1,
                command.text()));
    }

    @CommandHandler
    void handle(ReviseDraft command) {
        requireNotArchived();
        requireState("revise the draft", AgreementState.DRAFT, AgreementState.AWAITING_APPROVAL);
        AgreementText text = command.text();
        boolean newText = !text.sha256().equals(currentSha());
        boolean detailsChanged = command.title() != null || command.focusAreas() != null || command.term() != null;
        if (!newText && !detailsChanged) {
            return;
        }
        if (newText && state == AgreementState.AWAITING_APPROVAL) {
            apply(new ApprovalsVoided(
                    agreementId,
                    round.textVersion(),
                    round.sha256(),
                    round.partiesWithApprovals(activeParties()),
                    "version " + (textVersions.size() + 1) + " replaces the submitted text"));
        }
        apply(new DraftRevised(
                agreementId,
                newText ? textVersions.size() + 1 : textVersions.size(),
                newText,
                newText ? text : null,
                command.title(),
                command.focusAreas(),
                command.term(),
                Texts.trimToNull(command.note())));
    }

    @CommandHandler
    void handle(SubmitForAdoption command) {
        requireNotArchived();
        if (state == AgreementState.AWAITING_APPROVAL) {
            return;
        }
        requireState("submit the text for adoption", AgreementState.DRAFT);
        apply(new SubmittedForAdoption(agreementId, textVersions.size(), currentSha()));
    }

    @CommandHandler
    void handle(RemoveParty command, Clock clock, DeadlineManager deadlines) {
        requireNotArchived();
        requireState(
                "remove a party (only possible before entry into force)",
                AgreementState.DRAFT,
                AgreementState.AWAITING_APPROVAL);
        Party party = requireActiveParty(command.partyId(), true);
        if (party.lead()) {
            throw refused(
                    ErrorCode.LEAD_PARTY_CANNOT_LEAVE,
                    "Party '" + party.partyId() + "' leads the agreement and cannot be removed.");
        }
        if (activeParties().size() <= 2) {
            throw refused(
                    ErrorCode.TOO_FEW_PARTIES,
                    "Removing '" + party.partyId() + "' would leave fewer than two parties (rule 1).");
        }
        apply(new PartyRemoved(agreementId, party.partyId(), Texts.trimToNull(command.reason())));
        tryCompleteRound(BusinessTime.today(clock), deadlines, BY_COMMAND);
    }

    @CommandHandler
    void handle(AbandonDraft command) {
        requireNotArchived();
        requireState("abandon the draft", AgreementState.DRAFT, AgreementState.AWAITING_APPROVAL);
        apply(new DraftAbandoned(agreementId, Texts.trimToNull(command.reason())));
    }

    // ------------------------------------------------------------------ approvals

    @CommandHandler
    void handle(SignAgreement command, Clock clock, DeadlineManager deadlines) {
        requireNotArchived();
        Party party = requireActiveParty(command.partyId(), false);
        LocalDate today = BusinessTime.today(clock);
        requireNotAfter("signedOn", command.signedOn(), today, "a signature");
        TextMatch match = matchText(command.textSha256());
        apply(new AgreementSigned(
                agreementId,
                party.partyId(),
                match.sha256(),
                match.version(),
                match.amendmentId(),
                match.counts(),
                command.signatory(),
                command.signedOn(),
                Texts.trimToNull(command.place())));
        tryCompleteRound(today, deadlines, BY_COMMAND);
    }

    @CommandHandler
    String handle(AdoptByBoard command, Clock clock, DeadlineManager deadlines) {
        requireNotArchived();
        requireNewDecision(command.decisionId());
        Party party = requireActiveParty(command.partyId(), false);
        LocalDate today = BusinessTime.today(clock);
        requireNotAfter("decidedOn", command.decidedOn(), today, "a board decision");
        if (command.minutesPostedOn() != null) {
            requireNotAfter("minutesPostedOn", command.minutesPostedOn(), today, "the posting of the minutes");
            if (command.minutesPostedOn().isBefore(command.decidedOn())) {
                throw refused(
                        ErrorCode.DATE_OUT_OF_ORDER,
                        "The minutes cannot have been posted (" + command.minutesPostedOn()
                                + ") before the decision was made (" + command.decidedOn() + ").",
                        "minutesPostedOn");
            }
        }
        TextMatch match = matchText(command.textSha256());
        boolean ownBody = sameBody(command.body(), party.adoptingBody());
        LocalDate appealWindowEndsOn = party.inSweden() && command.minutesPostedOn() != null
                ? SwedishAppealWindow.lastDay(command.minutesPostedOn())
                : null;
        apply(new BoardDecisionRecorded(
                agreementId,
                command.decisionId(),
                party.partyId(),
                match.sha256(),
                match.version(),
                match.amendmentId(),
                match.counts() && ownBody,
                command.body().strip(),
                command.decidedOn(),
                command.caseNumber().strip(),
                Texts.trimToNull(command.paragraph()),
                command.outcome(),
                command.dissents() == null ? List.of() : List.copyOf(command.dissents()),
                command.minutesPostedOn(),
                appealWindowEndsOn));
        if (appealWindowEndsOn != null && term.waitsForLegalForce() && match.counts() && ownBody) {
            deadlines.schedule(
                    BusinessTime.startOf(appealWindowEndsOn.plusDays(1)),
                    LEGAL_FORCE_CHECK,
                    new LegalForceCheckDue(match.sha256()));
        }
        tryCompleteRound(today, deadlines, BY_COMMAND);
        return command.decisionId().toString();
    }

    @CommandHandler
    void handle(RecordAppeal command, Clock clock, DeadlineManager deadlines) {
        requireNotArchived();
        RecordedDecision decision = decisions.get(command.decisionId());
        if (decision == null) {
            throw refused(
                    ErrorCode.DECISION_NOT_FOUND, "This agreement has no board decision " + command.decisionId() + ".");
        }
        Party party = parties.get(decision.partyId());
        if (!party.inSweden()) {
            throw refused(
                    ErrorCode.APPEAL_NOT_APPLICABLE,
                    "The decision of '" + party.partyId() + "' (" + party.country()
                            + ") cannot be appealed by laglighetsprövning: only Swedish decisions can (rule 12).");
        }
        LocalDate today = BusinessTime.today(clock);
        requireNotAfter("on", command.on(), today, "an appeal");
        if (command.on().isBefore(decision.decidedOn())) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "An appeal cannot be " + command.outcome() + " on " + command.on() + ", before the decision it"
                            + " appeals was made (" + decision.decidedOn() + ").",
                    "on");
        }
        ApprovalRound.Appeal current = appeals.get(command.decisionId());
        if (current != null && command.on().isBefore(current.on())) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "The appeal was lodged on " + current.on() + "; it cannot be " + command.outcome()
                            + " before that (" + command.on() + ").",
                    "on");
        }
        if (current != null && current.outcome() != AppealOutcome.LODGED) {
            throw refused(
                    ErrorCode.APPEAL_ALREADY_DECIDED,
                    "The appeal against this decision was already decided: " + current.outcome() + " on " + current.on()
                            + ".");
        }
        if (command.outcome() == AppealOutcome.LODGED) {
            if (current != null) {
                return;
            }
        } else if (current == null) {
            throw refused(
                    ErrorCode.NO_APPEAL_LODGED,
                    "No appeal against this decision has been recorded as lodged, so it cannot be " + command.outcome()
                            + ".");
        }
        apply(new AppealRecorded(
                agreementId,
                command.decisionId(),
                decision.partyId(),
                command.outcome(),
                command.on(),
                Texts.trimToNull(command.court()),
                Texts.trimToNull(command.caseNumber())));
        tryCompleteRound(today, deadlines, BY_COMMAND);
    }

    @DeadlineHandler(deadlineName = LEGAL_FORCE_CHECK)
    void on(LegalForceCheckDue due, Clock clock, DeadlineManager deadlines) {
        if (round != null && round.sha256().equals(due.textSha256())) {
            tryCompleteRound(BusinessTime.today(clock), deadlines, BY_TIMER);
        }
    }

    /** Rules 6 and 8: when the last required approval is in, the agreement or its amendment enters into force. */
    private void tryCompleteRound(LocalDate today, DeadlineManager deadlines, MetaData cause) {
        if (round == null) {
            return;
        }
        Optional<LocalDate> completed = round.completedOn(activeParties(), term.waitsForLegalForce(), appeals, today);
        if (completed.isEmpty()) {
            return;
        }
        if (state == AgreementState.AWAITING_APPROVAL) {
            LocalDate from = term.startsOn() != null && term.startsOn().isAfter(completed.get())
                    ? term.startsOn()
                    : completed.get();
            apply(new AgreementEnteredIntoForce(agreementId, round.textVersion(), round.sha256(), from), cause);
            scheduleEndOfTerm(today, deadlines, cause);
        } else if (state == AgreementState.IN_FORCE && round.amendmentId() != null) {
            apply(
                    new AmendmentEnteredIntoForce(
                            agreementId, round.amendmentId(), round.textVersion(), round.sha256(), completed.get()),
                    cause);
        }
    }

    private void scheduleEndOfTerm(LocalDate today, DeadlineManager deadlines, MetaData cause) {
        LocalDate endsOn = term.endsOn();
        if (endsOn == null) {
            return;
        }
        if (endsOn.isBefore(today)) {
            apply(new AgreementExpired(agreementId, endsOn), cause);
        } else {
            deadlines.schedule(BusinessTime.startOf(endsOn.plusDays(1)), TERM_END, new TermEndDue(endsOn));
        }
    }

    @DeadlineHandler(deadlineName = TERM_END)
    void on(TermEndDue due, Clock clock) {
        boolean stillEnds = term.endsOn() != null && term.endsOn().equals(due.endsOn());
        if (state == AgreementState.IN_FORCE && stillEnds && due.endsOn().isBefore(BusinessTime.today(clock))) {
            apply(new AgreementExpired(agreementId, due.endsOn()), BY_TIMER);
        }
    }

    // ------------------------------------------------------------------ amendments

    @CommandHandler
    String handle(ProposeAmendment command) {
        requireNotArchived();
        requireState("propose an amendment", AgreementState.IN_FORCE);
        if (command.text().sha256().equals(textVersions.get(inForceVersion - 1))) {
            throw refused(
                    ErrorCode.TEXT_UNCHANGED,
                    "The proposed text is the version in force (version " + inForceVersion + ").",
                    "text.sha256");
        }
        apply(new AmendmentProposed(
                agreementId,
                command.amendmentId(),
                textVersions.size() + 1,
                command.text(),
                Texts.trimToNull(command.summary()),
                round == null ? null : round.amendmentId()));
        return command.amendmentId().toString();
    }

    // ------------------------------------------------------------------ reviews

    @CommandHandler
    String handle(ScheduleAnnualReview command, Clock clock) {
        requireNotArchived();
        requireState("schedule a meeting", AgreementState.IN_FORCE);
        requireNewReview(command.reviewId());
        requireFuture(command.startsAt(), clock);
        if (command.reviewers() == null || command.reviewers().isEmpty()) {
            throw refused(ErrorCode.REVIEWER_REQUIRED, "A meeting needs at least one reviewer (rule 7).", "reviewers");
        }
        requireReviewersAreParties(command.reviewers());
        apply(new ReviewScheduled(
                agreementId,
                command.reviewId(),
                command.kind(),
                command.startsAt(),
                command.location().strip(),
                List.copyOf(command.reviewers()),
                Texts.trimToNull(command.title())));
        return command.reviewId().toString();
    }

    @CommandHandler
    String handle(RecordHeldReview command, Clock clock) {
        requireNotArchived();
        requireState(
                "record a meeting that was held",
                AgreementState.IN_FORCE,
                AgreementState.TERMINATED,
                AgreementState.EXPIRED);
        requireNewReview(command.reviewId());
        requireHeldWhileInForce(command.heldOn(), clock);
        List<Reviewer> reviewers = command.reviewers() == null ? List.of() : List.copyOf(command.reviewers());
        requireReviewersAreParties(reviewers);
        apply(new ReviewHeld(
                agreementId,
                command.reviewId(),
                command.kind(),
                command.heldOn(),
                Texts.trimToNull(command.location()),
                reviewers,
                Texts.trimToNull(command.title()),
                command.outcome().summary(),
                command.outcome().decision()));
        return command.reviewId().toString();
    }

    @CommandHandler
    void handle(RescheduleReview command, Clock clock) {
        requireNotArchived();
        requireState("reschedule a meeting", AgreementState.IN_FORCE);
        requireScheduledReview(command.reviewId());
        requireFuture(command.startsAt(), clock);
        apply(new ReviewRescheduled(
                agreementId,
                command.reviewId(),
                command.startsAt(),
                Texts.trimToNull(command.location()),
                Texts.trimToNull(command.reason())));
    }

    @CommandHandler
    void handle(CancelReview command) {
        requireNotArchived();
        requireScheduledReview(command.reviewId());
        apply(new ReviewCancelled(
                agreementId, command.reviewId(), command.reason().strip()));
    }

    @CommandHandler
    void handle(RecordReviewOutcome command, Clock clock) {
        requireNotArchived();
        requireState(
                "record the outcome of a meeting",
                AgreementState.IN_FORCE,
                AgreementState.TERMINATED,
                AgreementState.EXPIRED);
        requireScheduledReview(command.reviewId());
        requireHeldWhileInForce(command.heldOn(), clock);
        apply(new ReviewOutcomeRecorded(
                agreementId,
                command.reviewId(),
                command.heldOn(),
                command.summary().strip(),
                command.decision()));
    }

    // ------------------------------------------------------------------ documents and links

    @CommandHandler
    String handle(AttachDocument command) {
        requireNotArchived();
        String sha = Texts.sha256(command.sha256());
        AttachedDocument existing = documentsBySha.get(sha);
        if (existing != null) {
            if (!existing.describedAs(
                    command.title().strip(),
                    command.mediaType().strip(),
                    command.size(),
                    Texts.trimToNull(command.uri()))) {
                throw refused(
                        ErrorCode.DOCUMENT_ALREADY_ATTACHED,
                        "This file (SHA-256 " + Texts.shortHash(sha) + "…) is already attached as \"" + existing.title()
                                + "\" (" + existing.mediaType() + ", " + existing.size() + " bytes"
                                + (existing.uri() == null ? "" : ", at " + existing.uri()) + "); the same file is"
                                + " attached once, with one description (rule 15).",
                        "sha256");
            }
            return existing.id().toString();
        }
        apply(new DocumentAttached(
                agreementId,
                command.documentId(),
                command.title().strip(),
                sha,
                command.mediaType().strip(),
                command.size(),
                Texts.trimToNull(command.uri())));
        return command.documentId().toString();
    }

    @CommandHandler
    void handle(LinkAgreement command) {
        requireNotArchived();
        if (agreementId.equals(command.otherAgreementId())) {
            throw refused(ErrorCode.SELF_LINK, "An agreement cannot be linked to itself.", "otherAgreementId");
        }
        String otherTitle = Texts.trimToNull(command.otherTitle());
        if (links.contains(linkKey(command.type(), command.otherAgreementId(), otherTitle))) {
            return;
        }
        apply(new AgreementLinked(agreementId, command.type(), command.otherAgreementId(), otherTitle));
    }

    // ------------------------------------------------------------------ leaving and ending

    @CommandHandler
    void handle(GiveNotice command, Clock clock, DeadlineManager deadlines) {
        requireNotArchived();
        requireState("give notice", AgreementState.IN_FORCE);
        Party party = requireActiveParty(command.partyId(), true);
        if (party.lead()) {
            throw refused(
                    ErrorCode.LEAD_PARTY_CANNOT_LEAVE,
                    "Party '" + party.partyId()
                            + "' leads the agreement and cannot give notice; terminate the agreement instead.");
        }
        if (leavingOn.containsKey(party.partyId())) {
            throw refused(ErrorCode.NOTICE_ALREADY_GIVEN, "Party '" + party.partyId() + "' has already given notice.");
        }
        LocalDate today = BusinessTime.today(clock);
        requireNotAfter("givenOn", command.givenOn(), today, "a notice");
        LocalDate leavesOn = command.givenOn().plusMonths(term.noticeMonths());
        apply(new NoticeGiven(
                agreementId, party.partyId(), command.givenOn(), leavesOn, Texts.trimToNull(command.reason())));
        if (leavesOn.isAfter(today)) {
            deadlines.schedule(
                    BusinessTime.startOf(leavesOn), NOTICE_PERIOD_END, new NoticePeriodEnded(party.partyId()));
        } else {
            leave(party.partyId(), leavesOn, BY_COMMAND);
        }
    }

    @DeadlineHandler(deadlineName = NOTICE_PERIOD_END)
    void on(NoticePeriodEnded due) {
        if (state == AgreementState.IN_FORCE && !departed.contains(due.partyId())) {
            leave(due.partyId(), leavingOn.get(due.partyId()), BY_TIMER);
        }
    }

    private void leave(PartyId party, LocalDate on, MetaData cause) {
        apply(new PartyLeft(agreementId, party, on), cause);
        if (activeParties().size() < 2) {
            apply(
                    new AgreementTerminated(
                            agreementId,
                            "fewer than two parties remain after '" + party + "' left",
                            on,
                            TerminationCause.TOO_FEW_PARTIES),
                    cause);
        }
    }

    @CommandHandler
    void handle(TerminateAgreement command) {
        requireNotArchived();
        requireState("terminate the agreement", AgreementState.IN_FORCE);
        if (command.effectiveOn().isBefore(effectiveFrom)) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "The termination cannot take effect (" + command.effectiveOn()
                            + ") before the agreement entered into force (" + effectiveFrom + ").",
                    "effectiveOn");
        }
        apply(new AgreementTerminated(
                agreementId, command.reason().strip(), command.effectiveOn(), TerminationCause.DECISION));
    }

    @CommandHandler
    void handle(ArchiveAgreement command, Clock clock) {
        requireNotArchived();
        requireState(
                "archive the agreement", AgreementState.TERMINATED, AgreementState.EXPIRED, AgreementState.ABANDONED);
        LocalDate today = BusinessTime.today(clock);
        if (endedOn != null && endedOn.isAfter(today)) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "The termination takes effect on " + endedOn + "; the agreement can be archived from then on.");
        }
        apply(new AgreementArchived(agreementId));
    }

    // ------------------------------------------------------------------ guards (the rules, as sentences)

    private static void requireValidParties(List<Party> drafted) {
        if (drafted == null || drafted.size() < 2) {
            throw refused(ErrorCode.TOO_FEW_PARTIES, "An agreement needs at least two parties (rule 1).", "parties");
        }
        Set<PartyId> seen = new HashSet<>();
        for (Party party : drafted) {
            if (!seen.add(party.partyId())) {
                throw refused(
                        ErrorCode.DUPLICATE_PARTY,
                        "Party id '" + party.partyId() + "' is given twice; party ids must be unique (rule 1).",
                        "parties");
            }
        }
        long leads = drafted.stream().filter(Party::lead).count();
        if (leads != 1) {
            throw refused(
                    ErrorCode.LEAD_PARTY_REQUIRED,
                    "Exactly one party must lead the agreement (rule 1); " + leads + " are marked as lead.",
                    "parties");
        }
    }

    private void requireNotArchived() {
        if (state == AgreementState.ARCHIVED) {
            throw refused(ErrorCode.AGREEMENT_ARCHIVED, "The agreement is archived and read-only (rule 9).");
        }
    }

    private void requireState(String action, AgreementState... allowed) {
        for (AgreementState candidate : allowed) {
            if (state == candidate) {
                return;
            }
        }
        throw refused(
                ErrorCode.WRONG_STATE,
                "Cannot " + action + ": the agreement is " + state + ", and this is only possible when it is "
                        + List.of(allowed).stream().map(Enum::name).collect(Collectors.joining(" or ")) + ".");
    }

    private Party requireActiveParty(PartyId partyId, boolean namedInPath) {
        Party party = parties.get(partyId);
        if (party == null) {
            throw refused(
                    namedInPath ? ErrorCode.PARTY_NOT_FOUND : ErrorCode.PARTY_NOT_IN_AGREEMENT,
                    "'" + partyId + "' is not a party to this agreement (parties: "
                            + activeParties().stream()
                                    .map(p -> p.partyId().toString())
                                    .collect(Collectors.joining(", "))
                            + ").",
                    namedInPath ? null : "partyId");
        }
        if (departed.contains(partyId)) {
            throw refused(
                    ErrorCode.PARTY_NO_LONGER_IN_AGREEMENT,
                    "Party '" + partyId + "' has left or been removed from this agreement.",
                    namedInPath ? null : "partyId");
        }
        return party;
    }

    private void requireReviewersAreParties(List<Reviewer> reviewers) {
        for (int i = 0; i < reviewers.size(); i++) {
            PartyId party = reviewers.get(i).partyId();
            if (!parties.containsKey(party)) {
                throw refused(
                        ErrorCode.PARTY_NOT_IN_AGREEMENT,
                        "Reviewer " + reviewers.get(i).name() + " represents '" + party
                                + "', which is not a party to this agreement.",
                        "reviewers[" + i + "].partyId");
            }
        }
    }

    private static void requireNotAfter(String field, LocalDate date, LocalDate today, String what) {
        if (date.isAfter(today)) {
            throw refused(
                    ErrorCode.DATE_IN_FUTURE,
                    field + " " + date + " lies after today (" + today + "): " + what
                            + " can only be recorded once it has happened (rule 5).",
                    field);
        }
    }

    private void requireFuture(OffsetDateTime startsAt, Clock clock) {
        if (!startsAt.toInstant().isAfter(clock.instant())) {
            throw refused(
                    ErrorCode.REVIEW_NOT_IN_FUTURE,
                    "A meeting can only be scheduled in the future (rule 7); " + startsAt
                            + " has passed. Record a meeting that took place as held instead.",
                    "startsAt");
        }
    }

    private void requireHeldWhileInForce(LocalDate heldOn, Clock clock) {
        LocalDate today = BusinessTime.today(clock);
        if (heldOn.isAfter(today)) {
            throw refused(
                    ErrorCode.REVIEW_NOT_IN_PAST,
                    "heldOn " + heldOn + " lies after today (" + today
                            + "): schedule a future meeting instead of recording it as held.",
                    "heldOn");
        }
        if (heldOn.isBefore(effectiveFrom) || (endedOn != null && heldOn.isAfter(endedOn))) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "heldOn " + heldOn + " lies outside the time the agreement was in force (from " + effectiveFrom
                            + (endedOn == null ? "" : " to " + endedOn) + ").",
                    "heldOn");
        }
    }

    private void requireNewReview(ReviewId reviewId) {
        if (reviews.containsKey(reviewId)) {
            throw refused(ErrorCode.DUPLICATE_ID, "Meeting " + reviewId + " already exists.", "reviewId");
        }
    }

    private void requireScheduledReview(ReviewId reviewId) {
        ReviewStatus status = reviews.get(reviewId);
        if (status == null) {
            throw refused(ErrorCode.REVIEW_NOT_FOUND, "This agreement has no meeting " + reviewId + ".");
        }
        if (status != ReviewStatus.SCHEDULED) {
            throw refused(
                    ErrorCode.REVIEW_NOT_SCHEDULED,
                    "Meeting " + reviewId + " is " + status.name().toLowerCase(Locale.ROOT)
                            + "; only a scheduled meeting can be changed.");
        }
    }

    private void requireNewDecision(DecisionId decisionId) {
        if (decisions.containsKey(decisionId)) {
            throw refused(ErrorCode.DUPLICATE_ID, "Decision " + decisionId + " is already recorded.", "decisionId");
        }
    }

    /** What a text hash named by an approval is, in this agreement (rule 3). */
    private record TextMatch(String sha256, int version, AmendmentId amendmentId, boolean counts) {}

    private TextMatch matchText(String textSha256) {
        String sha = Texts.sha256(textSha256);
        if (round != null && round.sha256().equals(sha)) {
            return new TextMatch(sha, round.textVersion(), round.amendmentId(), true);
        }
        if (state == AgreementState.IN_FORCE
                && textVersions.get(inForceVersion - 1).equals(sha)) {
            return new TextMatch(sha, inForceVersion, null, true);
        }
        if (state != AgreementState.AWAITING_APPROVAL && state != AgreementState.IN_FORCE) {
            if (state != AgreementState.DRAFT) {
                throw refused(ErrorCode.WRONG_STATE, "Cannot record an approval: the agreement is " + state + ".");
            }
            if (currentSha().equals(sha)) {
                throw refused(
                        ErrorCode.TEXT_NOT_SUBMITTED,
                        "Version " + textVersions.size() + " (" + Texts.shortHash(sha)
                                + ") is still a draft: submit it for adoption before recording approvals of it.",
                        "textSha256");
            }
        }
        int version = textVersions.lastIndexOf(sha) + 1;
        if (version == 0) {
            throw refused(
                    ErrorCode.WRONG_TEXT_VERSION,
                    "Text " + Texts.shortHash(sha) + "… is no version of this agreement's text; " + versionsInPlay()
                            + " (rule 3).",
                    "textSha256");
        }
        return new TextMatch(sha, version, null, false);
    }

    private String versionsInPlay() {
        StringBuilder text = new StringBuilder();
        if (state == AgreementState.IN_FORCE) {
            text.append("version ")
                    .append(inForceVersion)
                    .append(" (")
                    .append(Texts.shortHash(textVersions.get(inForceVersion - 1)))
                    .append("…) is in force");
        }
        if (round != null) {
            text.append(text.length() == 0 ? "" : " and ")
                    .append("version ")
                    .append(round.textVersion())
                    .append(" (")
                    .append(Texts.shortHash(round.sha256()))
                    .append("…) awaits approval");
        }
        if (text.length() == 0) {
            text.append("the current draft is version ")
                    .append(textVersions.size())
                    .append(" (")
                    .append(Texts.shortHash(currentSha()))
                    .append("…)");
        }
        return text.toString();
    }

    private static boolean sameBody(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    private static String normalize(String body) {
        return body.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String linkKey(Object type, AgreementId other, String otherTitle) {
        return type + "|" + (other == null ? "" : other) + "|" + Objects.requireNonNullElse(otherTitle, "");
    }

    private static CommandRefusedException refused(ErrorCode code, String message) {
        return new CommandRefusedException(code, message);
    }

    private static CommandRefusedException refused(ErrorCode code, String message, String field) {
        return new CommandRefusedException(code, message, field);
    }

    private Collection<Party> activeParties() {
        return parties.values().stream()
                .filter(p -> !departed.contains(p.partyId()))
                .toList();
    }

    private String currentSha() {
        return textVersions.get(textVersions.size() - 1);
    }

    // ------------------------------------------------------------------ event sourcing handlers: assign only

    @EventSourcingHandler
    void on(IntentDrafted event) {
        agreementId = event.agreementId();
        state = AgreementState.DRAFT;
        term = event.term();
        event.parties().forEach(p -> parties.put(p.partyId(), p));
        textVersions.add(event.text().sha256());
    }

    @EventSourcingHandler
    void on(ApprovalsVoided event) {
        round = null;
    }

    @EventSourcingHandler
    void on(DraftRevised event) {
        if (event.newTextVersion()) {
            state = AgreementState.DRAFT;
            textVersions.add(event.text().sha256());
        }
        if (event.term() != null) {
            term = event.term();
        }
    }

    @EventSourcingHandler
    void on(SubmittedForAdoption event) {
        state = AgreementState.AWAITING_APPROVAL;
        round = new ApprovalRound(event.textSha256(), event.textVersion(), null);
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        if (event.counts() && round != null && round.sha256().equals(event.textSha256())) {
            round.signed(event.partyId(), event.signedOn());
        }
    }

    @EventSourcingHandler
    void on(BoardDecisionRecorded event) {
        decisions.put(event.decisionId(), new RecordedDecision(event.partyId(), event.textSha256(), event.decidedOn()));
        decisionsRecorded++;
        if (event.counts() && round != null && round.sha256().equals(event.textSha256())) {
            round.decided(
                    event.partyId(),
                    new ApprovalRound.CountedDecision(
                            event.decisionId(),
                            event.outcome(),
                            event.decidedOn(),
                            decisionsRecorded,
                            event.appealWindowEndsOn()));
        }
    }

    @EventSourcingHandler
    void on(AppealRecorded event) {
        appeals.put(event.decisionId(), new ApprovalRound.Appeal(event.outcome(), event.on()));
    }

    @EventSourcingHandler
    void on(AgreementEnteredIntoForce event) {
        state = AgreementState.IN_FORCE;
        inForceVersion = event.textVersion();
        effectiveFrom = event.effectiveFrom();
        round = null;
    }

    @EventSourcingHandler
    void on(AmendmentProposed event) {
        textVersions.add(event.text().sha256());
        round = new ApprovalRound(event.text().sha256(), event.textVersion(), event.amendmentId());
    }

    @EventSourcingHandler
    void on(AmendmentEnteredIntoForce event) {
        inForceVersion = event.textVersion();
        round = null;
    }

    @EventSourcingHandler
    void on(ReviewScheduled event) {
        reviews.put(event.reviewId(), ReviewStatus.SCHEDULED);
    }

    @EventSourcingHandler
    void on(ReviewHeld event) {
        reviews.put(event.reviewId(), ReviewStatus.HELD);
    }

    @EventSourcingHandler
    void on(ReviewCancelled event) {
        reviews.put(event.reviewId(), ReviewStatus.CANCELLED);
    }

    @EventSourcingHandler
    void on(ReviewOutcomeRecorded event) {
        reviews.put(event.reviewId(), ReviewStatus.HELD);
    }

    @EventSourcingHandler
    void on(DocumentAttached event) {
        documentsBySha.put(
                event.sha256(),
                new AttachedDocument(event.documentId(), event.title(), event.mediaType(), event.size(), event.uri()));
    }

    @EventSourcingHandler
    void on(AgreementLinked event) {
        links.add(linkKey(event.type(), event.otherAgreementId(), event.otherTitle()));
    }

    @EventSourcingHandler
    void on(NoticeGiven event) {
        leavingOn.put(event.partyId(), event.leavesOn());
    }

    @EventSourcingHandler
    void on(PartyLeft event) {
        departed.add(event.partyId());
    }

    @EventSourcingHandler
    void on(PartyRemoved event) {
        departed.add(event.partyId());
        if (round != null) {
            round.forget(event.partyId());
        }
    }

    @EventSourcingHandler
    void on(AgreementTerminated event) {
        state = AgreementState.TERMINATED;
        endedOn = event.effectiveOn();
        round = null;
    }

    @EventSourcingHandler
    void on(AgreementExpired event) {
        state = AgreementState.EXPIRED;
        endedOn = event.endedOn();
        round = null;
    }

    @EventSourcingHandler
    void on(DraftAbandoned event) {
        state = AgreementState.ABANDONED;
        round = null;
    }

    @EventSourcingHandler
    void on(AgreementArchived event) {
        state = AgreementState.ARCHIVED;
    }
}
