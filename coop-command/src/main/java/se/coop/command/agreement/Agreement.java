package se.coop.command.agreement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static se.coop.command.agreement.Refusal.refused;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.AgreementState;
import se.coop.api.AgreementText;
import se.coop.api.AppealOutcome;
import se.coop.api.BusinessTime;
import se.coop.api.CommandRefusedException;
import se.coop.api.DocumentKind;
import se.coop.api.DocumentRef;
import se.coop.api.ErrorCode;
import se.coop.api.Origin;
import se.coop.api.Participant;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.ValueChecks;
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
import se.coop.api.event.DocumentCorrected;
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
import se.coop.api.event.TerminationDecided;
import se.coop.api.event.TextDescriptionCorrected;
import se.coop.rules.AppealStep;
import se.coop.rules.AppealWindow;
import se.coop.rules.Approvals;
import se.coop.rules.BoardDecision;
import se.coop.rules.Membership;

/**
 * One cooperation agreement, from letter of intent to archive (docs/domain.md). Its parts keep what the rules need —
 * {@link Parties}, {@link TextVersions} and the {@link ApprovalRound} under way, {@link Appeals}, {@link Meetings},
 * its {@link Lifetime}, and its {@link Records} — and each command handler below reads as the rules it applies: guards
 * first, then events. The event sourcing handlers only assign. A refusal throws {@link CommandRefusedException} and
 * changes nothing (rule 10); a command that changes nothing applies nothing.
 */
class Agreement {

    static final String LEGAL_FORCE_CHECK = "legal-force-check";
    static final String TERM_END = "term-end";
    static final String NOTICE_PERIOD_END = "notice-period-end";
    static final String TERMINATION = "termination";
    static final int DEFAULT_REVIEW_CADENCE_MONTHS = 12;
    static final List<Integer> DEFAULT_REMINDER_OFFSETS_DAYS = List.of(30, 7);

    /** Events that time itself brings are recorded as Coop's own doing, not the secretariat's. */
    private static final MetaData BY_TIMER = Origin.COOP;

    private static final MetaData BY_COMMAND = MetaData.emptyInstance();

    @AggregateIdentifier
    private AgreementId agreementId;

    private AgreementState state;
    private final Parties parties = new Parties();
    private final TextVersions texts = new TextVersions();
    private ApprovalRound round;
    private final Appeals appeals = new Appeals();
    private long decisionsRecorded;
    private final Meetings meetings = new Meetings();
    private final Lifetime lifetime = new Lifetime();
    private final Records records = new Records();

    Agreement() {
        // for Axon, which rebuilds the aggregate from its events
    }

    // ------------------------------------------------------------------ drafting

    /** Rules 1 and 2: at least two parties, one lead, each with the approvals it must give. */
    @CommandHandler
    Agreement(DraftIntent command) {
        Parties.requireValid(command.parties());
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

    /**
     * A new text version returns the agreement to draft and voids the approvals of the old one; the same text under a
     * corrected description is the same version (rule 15); a term revised while approvals are under way changes what
     * entry into force waits for (rule 12).
     */
    @CommandHandler
    void handle(ReviseDraft command, Clock clock, DeadlineManager deadlines) {
        requireNotArchived();
        requireState("revise the draft", AgreementState.DRAFT, AgreementState.AWAITING_APPROVAL);
        AgreementText text = command.text();
        texts.requireSameSize(text);
        boolean newText = !text.sha256().equals(texts.currentSha());
        boolean detailsChanged = command.title() != null || command.focusAreas() != null || command.term() != null;
        String note = ValueChecks.trimToNull(command.note());
        if (newText) {
            if (state == AgreementState.AWAITING_APPROVAL) {
                apply(new ApprovalsVoided(
                        agreementId,
                        round.textVersion(),
                        round.sha256(),
                        round.partiesWithApprovals(parties.active()),
                        "version " + (texts.count() + 1) + " replaces the submitted text"));
            }
            apply(new DraftRevised(
                    agreementId,
                    texts.count() + 1,
                    true,
                    text,
                    command.title(),
                    command.focusAreas(),
                    command.term(),
                    note));
            return;
        }
        AgreementText description = texts.describedAs(text);
        if (!texts.describedSo(description)) {
            apply(new TextDescriptionCorrected(agreementId, texts.count(), description, detailsChanged ? null : note));
        }
        if (detailsChanged) {
            apply(new DraftRevised(
                    agreementId,
                    texts.count(),
                    false,
                    null,
                    command.title(),
                    command.focusAreas(),
                    command.term(),
                    note));
            if (command.term() != null && round != null) {
                LocalDate today = BusinessTime.today(clock);
                watchLegalForce(today, deadlines);
                tryCompleteRound(today, deadlines, BY_COMMAND, today);
            }
        }
    }

    @CommandHandler
    void handle(SubmitForAdoption command) {
        requireNotArchived();
        if (state == AgreementState.AWAITING_APPROVAL) {
            return;
        }
        requireState("submit the text for adoption", AgreementState.DRAFT);
        apply(new SubmittedForAdoption(agreementId, texts.count(), texts.currentSha()));
    }

    /**
     * Rules 1 and 4: a party may be removed before entry into force (not the lead, not below two); when the others'
     * approvals are complete, the agreement enters into force from the day of the removal (rule 6).
     */
    @CommandHandler
    void handle(RemoveParty command, Clock clock, DeadlineManager deadlines) {
        requireNotArchived();
        requireState(
                "remove a party (only possible before entry into force)",
                AgreementState.DRAFT,
                AgreementState.AWAITING_APPROVAL);
        Party party = parties.requireActive(command.partyId(), true);
        parties.requireRemovable(party);
        apply(new PartyRemoved(agreementId, party.partyId(), ValueChecks.trimToNull(command.reason())));
        LocalDate today = BusinessTime.today(clock);
        tryCompleteRound(today, deadlines, BY_COMMAND, today);
    }

    @CommandHandler
    void handle(AbandonDraft command) {
        requireNotArchived();
        requireState("abandon the draft", AgreementState.DRAFT, AgreementState.AWAITING_APPROVAL);
        apply(new DraftAbandoned(agreementId, ValueChecks.trimToNull(command.reason())));
    }

    // ------------------------------------------------------------------ approvals

    /** Rules 3 and 5: a signature names the text version it approves, a signatory and a day that has come. */
    @CommandHandler
    void handle(SignAgreement command, Clock clock, DeadlineManager deadlines) {
        requireNotArchived();
        Party party = parties.requireActive(command.partyId(), false);
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
                ValueChecks.trimToNull(command.place()),
                DocumentRef.of(command.document(), DocumentKind.SIGNED_COPY)));
        tryCompleteRound(today, deadlines, BY_COMMAND, null);
    }

    /**
     * Rules 3, 4, 5, 11 and 12: a board decision of any outcome, by the party's own body, naming the text version; a
     * Swedish one with its minutes' posting day gets its appeal window, which entry into force may wait for.
     */
    @CommandHandler
    String handle(AdoptByBoard command, Clock clock, DeadlineManager deadlines) {
        requireNotArchived();
        if (appeals.known(command.decisionId())) {
            throw refused(
                    ErrorCode.DUPLICATE_ID, "Decision " + command.decisionId() + " is already recorded.", "decisionId");
        }
        Party party = parties.requireActive(command.partyId(), false);
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
        boolean ownBody = BoardDecision.byOwnBody(command.body(), party.adoptingBody());
        LocalDate lastDayToAppeal = party.inSweden() && command.minutesPostedOn() != null
                ? AppealWindow.lastDay(command.minutesPostedOn())
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
                ValueChecks.trimToNull(command.paragraph()),
                command.outcome(),
                command.dissents() == null ? List.of() : List.copyOf(command.dissents()),
                command.minutesPostedOn(),
                lastDayToAppeal,
                DocumentRef.of(command.document(), DocumentKind.MINUTES_EXTRACT)));
        watchLegalForce(today, deadlines);
        tryCompleteRound(today, deadlines, BY_COMMAND, null);
        return command.decisionId().toString();
    }

    /**
     * Rule 12: a Swedish decision may be appealed while its window is open; an appeal is lodged, then dismissed (the
     * decision stands, and another appeal may be lodged in the window) or annulled (the adoption no longer counts).
     */
    @CommandHandler
    void handle(RecordAppeal command, Clock clock, DeadlineManager deadlines) {
        requireNotArchived();
        Appeals.Decision decision = appeals.requireDecision(command.decisionId());
        PartyId partyId = decision.partyId();
        Party party = parties.drafted(partyId);
        if (!party.inSweden()) {
            throw refused(
                    ErrorCode.APPEAL_NOT_APPLICABLE,
                    "The decision of '" + party.partyId() + "' (" + party.country()
                            + ") cannot be appealed by laglighetsprövning: only Swedish decisions can (rule 12).");
        }
        LocalDate today = BusinessTime.today(clock);
        requireNotAfter("on", command.on(), today, "an appeal");
        if (!appeals.requireRecordable(command.decisionId(), command.outcome(), command.on())) {
            return;
        }
        apply(new AppealRecorded(
                agreementId,
                command.decisionId(),
                partyId,
                command.outcome(),
                command.on(),
                ValueChecks.trimToNull(command.court()),
                ValueChecks.trimToNull(command.caseNumber())));
        if (command.outcome() == AppealOutcome.DISMISSED) {
            watchLegalForce(today, deadlines);
        }
        tryCompleteRound(today, deadlines, BY_COMMAND, null);
    }

    @DeadlineHandler(deadlineName = LEGAL_FORCE_CHECK)
    void on(LegalForceCheckDue due, Clock clock, DeadlineManager deadlines) {
        if (round != null && round.sha256().equals(due.textSha256())) {
            tryCompleteRound(BusinessTime.today(clock), deadlines, BY_TIMER, null);
        }
    }

    /**
     * Rule 12: an agreement that waits for legal force looks again on each day a counted Swedish adoption becomes
     * final. (A timer set twice for a day looks twice; the second finds nothing to do.)
     */
    private void watchLegalForce(LocalDate today, DeadlineManager deadlines) {
        if (round == null || !lifetime.waitsForLegalForce()) {
            return;
        }
        for (LocalDate day : round.legallyFinalDaysAfter(parties.active(), appeals, today)) {
            deadlines.schedule(BusinessTime.startOf(day), LEGAL_FORCE_CHECK, new LegalForceCheckDue(round.sha256()));
        }
    }

    /**
     * Rules 6 and 8: when the last required approval is in, the agreement or its amendment enters into force — from
     * the later of the day the approvals were complete and {@code notBefore} (the day of the event that completed
     * them, when that was no approval), and for the agreement not before its agreed start.
     */
    private void tryCompleteRound(LocalDate today, DeadlineManager deadlines, MetaData cause, LocalDate notBefore) {
        if (round == null) {
            return;
        }
        Optional<LocalDate> completed =
                round.completedOn(parties.active(), lifetime.waitsForLegalForce(), appeals, today);
        if (completed.isEmpty()) {
            return;
        }
        if (state == AgreementState.AWAITING_APPROVAL) {
            LocalDate from = Approvals.effectiveFrom(
                    completed.get(), notBefore, lifetime.term().startsOn());
            if (lifetime.termEndedBefore(from)) {
                apply(new AgreementExpired(agreementId, lifetime.term().endsOn()), cause);
                return;
            }
            apply(new AgreementEnteredIntoForce(agreementId, round.textVersion(), round.sha256(), from), cause);
            scheduleEndOfTerm(today, deadlines, cause);
        } else if (state == AgreementState.IN_FORCE && round.amendmentId() != null) {
            LocalDate from = Approvals.effectiveFrom(completed.get(), notBefore, null);
            apply(
                    new AmendmentEnteredIntoForce(
                            agreementId, round.amendmentId(), round.textVersion(), round.sha256(), from),
                    cause);
        }
    }

    private void scheduleEndOfTerm(LocalDate today, DeadlineManager deadlines, MetaData cause) {
        LocalDate endsOn = lifetime.term().endsOn();
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
        boolean stillEnds = due.endsOn().equals(lifetime.term().endsOn());
        if (state == AgreementState.IN_FORCE && stillEnds && due.endsOn().isBefore(BusinessTime.today(clock))) {
            apply(new AgreementExpired(agreementId, due.endsOn()), BY_TIMER);
        }
    }

    // ------------------------------------------------------------------ amendments

    /**
     * Rule 8: an amendment is a new text version for an agreement in force, approved like the first; proposing the
     * amendment under way again changes nothing.
     */
    @CommandHandler
    String handle(ProposeAmendment command) {
        requireNotArchived();
        requireState("propose an amendment", AgreementState.IN_FORCE);
        String sha = command.text().sha256();
        if (sha.equals(texts.inForceSha())) {
            throw refused(
                    ErrorCode.TEXT_UNCHANGED,
                    "The proposed text is the version in force (version " + texts.inForce() + ").",
                    "text.sha256");
        }
        texts.requireSameSize(command.text());
        if (round != null && round.amendmentId() != null && round.sha256().equals(sha)) {
            AgreementText description = texts.describedAs(round.textVersion(), command.text());
            if (!description.equals(texts.described(round.textVersion()))) {
                apply(new TextDescriptionCorrected(
                        agreementId, round.textVersion(), description, ValueChecks.trimToNull(command.summary())));
            }
            return round.amendmentId().toString();
        }
        apply(new AmendmentProposed(
                agreementId,
                command.amendmentId(),
                texts.count() + 1,
                command.text(),
                ValueChecks.trimToNull(command.summary()),
                round == null ? null : round.amendmentId()));
        return command.amendmentId().toString();
    }

    // ------------------------------------------------------------------ meetings

    /**
     * Rule 7: a meeting is scheduled for an agreement in force, in the future and while it is in force, with at least
     * one reviewer representing a party that is in it.
     */
    @CommandHandler
    String handle(ScheduleAnnualReview command, Clock clock) {
        requireNotArchived();
        requireState("schedule a meeting", AgreementState.IN_FORCE);
        meetings.requireNew(command.reviewId());
        requireFuture(command.startsAt(), clock);
        lifetime.requireMeetingWhileInForce(command.startsAt(), endsOn());
        if (command.reviewers() == null || command.reviewers().isEmpty()) {
            throw refused(ErrorCode.REVIEWER_REQUIRED, "A meeting needs at least one reviewer (rule 7).", "reviewers");
        }
        List<Participant> reviewers =
                command.reviewers().stream().map(Participant::of).toList();
        parties.requireReviewersRepresentActiveParties(reviewers, Meetings.dayOf(command.startsAt()), null);
        apply(new ReviewScheduled(
                agreementId,
                command.reviewId(),
                command.kind(),
                command.startsAt(),
                command.location().strip(),
                reviewers,
                ValueChecks.trimToNull(command.title())));
        return command.reviewId().toString();
    }

    /** Rule 7: a meeting that took place is recorded with its day, outcome and the reviewers of that day. */
    @CommandHandler
    String handle(RecordHeldReview command, Clock clock) {
        requireNotArchived();
        requireState(
                "record a meeting that was held",
                AgreementState.IN_FORCE,
                AgreementState.TERMINATED,
                AgreementState.EXPIRED);
        meetings.requireNew(command.reviewId());
        lifetime.requireHeldWhileInForce(command.heldOn(), BusinessTime.today(clock));
        List<Participant> reviewers = command.reviewers() == null
                ? List.of()
                : command.reviewers().stream().map(Participant::of).toList();
        parties.requireReviewersWereParties(reviewers, command.heldOn());
        apply(new ReviewHeld(
                agreementId,
                command.reviewId(),
                command.kind(),
                command.heldOn(),
                ValueChecks.trimToNull(command.location()),
                reviewers,
                ValueChecks.trimToNull(command.title()),
                command.outcome().summary(),
                command.outcome().decision(),
                DocumentRef.of(command.document(), DocumentKind.REVIEW_MINUTES)));
        return command.reviewId().toString();
    }

    @CommandHandler
    void handle(RescheduleReview command, Clock clock) {
        requireNotArchived();
        requireState("reschedule a meeting", AgreementState.IN_FORCE);
        meetings.requireScheduled(command.reviewId());
        requireFuture(command.startsAt(), clock);
        lifetime.requireMeetingWhileInForce(command.startsAt(), endsOn());
        parties.requireReviewersRepresentActiveParties(
                meetings.reviewersOf(command.reviewId()), Meetings.dayOf(command.startsAt()), "startsAt");
        apply(new ReviewRescheduled(
                agreementId,
                command.reviewId(),
                command.startsAt(),
                ValueChecks.trimToNull(command.location()),
                ValueChecks.trimToNull(command.reason())));
    }

    @CommandHandler
    void handle(CancelReview command) {
        requireNotArchived();
        meetings.requireScheduled(command.reviewId());
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
        meetings.requireScheduled(command.reviewId());
        lifetime.requireHeldWhileInForce(command.heldOn(), BusinessTime.today(clock));
        meetings.requireHeldAfterScheduling(command.reviewId(), command.heldOn());
        meetings.requireBegun(command.reviewId(), clock.instant());
        parties.requireReviewersWereParties(meetings.reviewersOf(command.reviewId()), command.heldOn());
        apply(new ReviewOutcomeRecorded(
                agreementId,
                command.reviewId(),
                command.heldOn(),
                command.summary().strip(),
                command.decision(),
                DocumentRef.of(command.document(), DocumentKind.REVIEW_MINUTES)));
    }

    // ------------------------------------------------------------------ documents and links

    /**
     * Rule 15: a document is attached by its SHA-256, once, as a document of its kind ({@code OTHER} when none is
     * given); attached again under another description or kind, the description is corrected (the same bytes cannot
     * have another size).
     */
    @CommandHandler
    String handle(AttachDocument command) {
        requireNotArchived();
        String sha = ValueChecks.sha256(command.sha256());
        String title = command.title().strip();
        String mediaType = command.mediaType().strip();
        String uri = ValueChecks.trimToNull(command.uri());
        Records.Document existing = records.document(sha);
        if (existing == null) {
            DocumentKind kind = command.kind() == null ? DocumentKind.OTHER : command.kind();
            apply(new DocumentAttached(
                    agreementId, command.documentId(), title, sha, mediaType, command.size(), uri, kind));
            return command.documentId().toString();
        }
        if (command.size() != null && existing.size() != command.size()) {
            throw refused(
                    ErrorCode.DOCUMENT_ALREADY_ATTACHED,
                    "This file (SHA-256 " + ValueChecks.shortHash(sha) + "…) is already attached with "
                            + existing.size() + " bytes; the same SHA-256 cannot name " + command.size()
                            + " bytes (rule 15).",
                    "size");
        }
        String newUri = uri != null ? uri : existing.uri();
        DocumentKind newKind = command.kind() != null ? command.kind() : existing.kind();
        boolean same = existing.title().equals(title)
                && existing.mediaType().equalsIgnoreCase(mediaType)
                && java.util.Objects.equals(existing.uri(), newUri)
                && existing.kind() == newKind;
        if (!same) {
            apply(new DocumentCorrected(agreementId, existing.id(), sha, title, mediaType, newUri, newKind));
        }
        return existing.id().toString();
    }

    /** Rule 14: an agreement is part of, succeeds or is an annex to another cooperation, once. */
    @CommandHandler
    void handle(LinkAgreement command, AgreementDirectory directory) {
        requireNotArchived();
        if (agreementId.equals(command.otherAgreementId())) {
            throw refused(ErrorCode.SELF_LINK, "An agreement cannot be linked to itself.", "otherAgreementId");
        }
        if (command.otherAgreementId() != null && !directory.exists(command.otherAgreementId())) {
            throw refused(
                    ErrorCode.LINKED_AGREEMENT_NOT_FOUND,
                    "There is no agreement " + command.otherAgreementId() + " to link to; name a cooperation outside"
                            + " Coop by otherTitle instead.",
                    "otherAgreementId");
        }
        String otherTitle = ValueChecks.trimToNull(command.otherTitle());
        if (records.isLinked(command.type(), command.otherAgreementId(), otherTitle)) {
            return;
        }
        apply(new AgreementLinked(agreementId, command.type(), command.otherAgreementId(), otherTitle));
    }

    // ------------------------------------------------------------------ leaving and ending

    /** Rule 1: a party other than the lead may give notice once; it leaves when its notice period has passed. */
    @CommandHandler
    void handle(GiveNotice command, Clock clock, DeadlineManager deadlines) {
        requireNotArchived();
        requireState("give notice", AgreementState.IN_FORCE);
        Party party = parties.requireActive(command.partyId(), true);
        Parties.requireNotLead(party, "give notice; terminate the agreement instead");
        parties.requireNoNoticeGiven(party);
        LocalDate today = BusinessTime.today(clock);
        requireNotAfter("givenOn", command.givenOn(), today, "a notice");
        lifetime.requireNoticeWhileInForce(command.givenOn());
        LocalDate leavesOn =
                Membership.leavesOn(command.givenOn(), lifetime.term().noticeMonths());
        apply(new NoticeGiven(
                agreementId, party.partyId(), command.givenOn(), leavesOn, ValueChecks.trimToNull(command.reason())));
        if (leavesOn.isAfter(today)) {
            deadlines.schedule(
                    BusinessTime.startOf(leavesOn), NOTICE_PERIOD_END, new NoticePeriodEnded(party.partyId()));
        } else {
            leave(party.partyId(), leavesOn, today, deadlines, BY_COMMAND);
        }
    }

    @DeadlineHandler(deadlineName = NOTICE_PERIOD_END)
    void on(NoticePeriodEnded due, Clock clock, DeadlineManager deadlines) {
        if (state == AgreementState.IN_FORCE && !parties.departed(due.partyId())) {
            leave(due.partyId(), parties.leavesOn(due.partyId()), BusinessTime.today(clock), deadlines, BY_TIMER);
        }
    }

    /**
     * A party leaves; with fewer than two left the agreement ends (rule 1), else an amendment the others have all
     * approved enters into force that day (rule 8).
     */
    private void leave(PartyId party, LocalDate on, LocalDate today, DeadlineManager deadlines, MetaData cause) {
        apply(new PartyLeft(agreementId, party, on), cause);
        if (Membership.tooFew(parties.active().size())) {
            apply(
                    new AgreementTerminated(
                            agreementId,
                            "fewer than two parties remain after '" + party + "' left",
                            on,
                            TerminationCause.TOO_FEW_PARTIES),
                    cause);
            cancelMeetingsFrom(on, cause);
        } else {
            tryCompleteRound(today, deadlines, cause, on);
        }
    }

    /**
     * Rule 9 and the term: an agreement in force is terminated from a day — at once when that day has come, else by a
     * timer on that day, staying in force until then; not before it entered into force nor after its fixed end.
     */
    @CommandHandler
    void handle(TerminateAgreement command, Clock clock, DeadlineManager deadlines) {
        requireNotArchived();
        requireState("terminate the agreement", AgreementState.IN_FORCE);
        lifetime.requireTerminable(command.effectiveOn());
        String reason = command.reason().strip();
        if (command.effectiveOn().isAfter(BusinessTime.today(clock))) {
            apply(new TerminationDecided(agreementId, reason, command.effectiveOn()));
            deadlines.schedule(
                    BusinessTime.startOf(command.effectiveOn()),
                    TERMINATION,
                    new TerminationDue(command.effectiveOn()));
        } else {
            apply(new AgreementTerminated(agreementId, reason, command.effectiveOn(), TerminationCause.DECISION));
        }
        cancelMeetingsFrom(command.effectiveOn(), BY_COMMAND);
    }

    /**
     * Rule 7: a meeting on or after the day the agreement ends would not be held under it, so the end cancels it — its
     * reviewers are told, its reminders withdrawn.
     */
    private void cancelMeetingsFrom(LocalDate end, MetaData cause) {
        for (se.coop.api.ReviewId review : meetings.scheduledFrom(end)) {
            apply(new ReviewCancelled(agreementId, review, "the agreement ends on " + end), cause);
        }
    }

    @DeadlineHandler(deadlineName = TERMINATION)
    void on(TerminationDue due) {
        if (state == AgreementState.IN_FORCE && due.effectiveOn().equals(lifetime.terminatesOn())) {
            apply(
                    new AgreementTerminated(
                            agreementId, lifetime.terminationReason(), due.effectiveOn(), TerminationCause.DECISION),
                    BY_TIMER);
        }
    }

    /** Rule 9: an ended agreement is archived once its end has come; from then on it refuses every command. */
    @CommandHandler
    void handle(ArchiveAgreement command, Clock clock) {
        requireNotArchived();
        requireState(
                "archive the agreement", AgreementState.TERMINATED, AgreementState.EXPIRED, AgreementState.ABANDONED);
        LocalDate today = BusinessTime.today(clock);
        if (lifetime.endedOn() != null && lifetime.endedOn().isAfter(today)) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "The termination takes effect on " + lifetime.endedOn()
                            + "; the agreement can be archived from then on.");
        }
        apply(new AgreementArchived(agreementId));
    }

    // ------------------------------------------------------------------ guards (the rules, as sentences)

    /** Rule 9: an archived agreement refuses every command. */
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

    /** Rule 5: what is recorded as done has happened. */
    private static void requireNotAfter(String field, LocalDate date, LocalDate today, String what) {
        if (date.isAfter(today)) {
            throw refused(
                    ErrorCode.DATE_IN_FUTURE,
                    field + " " + date + " lies after today (" + today + "): " + what
                            + " can only be recorded once it has happened (rule 5).",
                    field);
        }
    }

    /** Rule 7: a meeting is scheduled in the future. */
    private static void requireFuture(OffsetDateTime startsAt, Clock clock) {
        if (!startsAt.toInstant().isAfter(clock.instant())) {
            throw refused(
                    ErrorCode.REVIEW_NOT_IN_FUTURE,
                    "A meeting can only be scheduled in the future (rule 7); " + startsAt
                            + " has passed. Record a meeting that took place as held instead.",
                    "startsAt");
        }
    }

    /** What a text hash named by an approval is, in this agreement (rule 3). */
    private record TextMatch(String sha256, int version, se.coop.api.AmendmentId amendmentId, boolean counts) {}

    /**
     * Rule 3: an approval naming the version awaiting approval (or the version in force) counts; one naming an earlier
     * version is recorded and does not count; one naming no version of this agreement is refused.
     */
    private TextMatch matchText(String textSha256) {
        String sha = ValueChecks.sha256(textSha256);
        if (round != null && round.sha256().equals(sha)) {
            return new TextMatch(sha, round.textVersion(), round.amendmentId(), true);
        }
        if (state == AgreementState.IN_FORCE && texts.inForceSha().equals(sha)) {
            return new TextMatch(sha, texts.inForce(), null, true);
        }
        if (state != AgreementState.AWAITING_APPROVAL && state != AgreementState.IN_FORCE) {
            if (state != AgreementState.DRAFT) {
                throw refused(ErrorCode.WRONG_STATE, "Cannot record an approval: the agreement is " + state + ".");
            }
            if (texts.currentSha().equals(sha)) {
                throw refused(
                        ErrorCode.TEXT_NOT_SUBMITTED,
                        "Version " + texts.count() + " (" + ValueChecks.shortHash(sha)
                                + ") is still a draft: submit it for adoption before recording approvals of it.",
                        "textSha256");
            }
        }
        int version = texts.versionOf(sha);
        if (version == 0) {
            throw refused(
                    ErrorCode.WRONG_TEXT_VERSION,
                    "Text " + ValueChecks.shortHash(sha) + "… is no version of this agreement's text; "
                            + versionsInPlay() + " (rule 3).",
                    "textSha256");
        }
        return new TextMatch(sha, version, null, false);
    }

    private String versionsInPlay() {
        StringBuilder text = new StringBuilder();
        if (state == AgreementState.IN_FORCE) {
            text.append("version ")
                    .append(texts.inForce())
                    .append(" (")
                    .append(ValueChecks.shortHash(texts.inForceSha()))
                    .append("…) is in force");
        }
        if (round != null) {
            text.append(text.length() == 0 ? "" : " and ")
                    .append("version ")
                    .append(round.textVersion())
                    .append(" (")
                    .append(ValueChecks.shortHash(round.sha256()))
                    .append("…) awaits approval");
        }
        if (text.length() == 0) {
            text.append("the current draft is version ")
                    .append(texts.count())
                    .append(" (")
                    .append(ValueChecks.shortHash(texts.currentSha()))
                    .append("…)");
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ what the aggregate acts on

    /** What the aggregate holds of a party in the round under way: approved (rules 2–4), adoption final from (12). */
    record PartyFacts(boolean approved, LocalDate legallyFinalFrom) {}

    /**
     * What the aggregate acts on, for the properties that hold it against the status read model: its state, its
     * dates, the text version in force and the one under approval, and each active party's approval in that round.
     */
    record Facts(
            AgreementState state,
            LocalDate effectiveFrom,
            LocalDate endedOn,
            LocalDate terminatesOn,
            int inForceVersion,
            Integer roundVersion,
            java.util.Map<String, PartyFacts> parties) {}

    /**
     * The day the agreement ends, as far as it is known: a decided termination, or the day the notices given leave too
     * few parties (rule 1) — whichever comes first; null when neither.
     */
    private LocalDate endsOn() {
        LocalDate decided = lifetime.terminatesOn();
        if (state != AgreementState.IN_FORCE) {
            // notices are given under an agreement in force; once it has ended they end nothing
            return decided;
        }
        LocalDate byNotices = parties.endedByNotices();
        if (decided == null) {
            return byNotices;
        }
        return byNotices == null || decided.isBefore(byNotices) ? decided : byNotices;
    }

    Facts facts() {
        java.util.Map<String, PartyFacts> byParty = new java.util.LinkedHashMap<>();
        if (round != null) {
            for (Party party : parties.active()) {
                byParty.put(party.partyId().toString(), round.factsOf(party, appeals));
            }
        }
        return new Facts(
                state,
                lifetime.effectiveFrom(),
                lifetime.endedOn(),
                endsOn(),
                texts.inForce(),
                round == null ? null : round.textVersion(),
                byParty);
    }

    // ------------------------------------------------------------------ event sourcing handlers: assign only

    @EventSourcingHandler
    void on(IntentDrafted event) {
        agreementId = event.agreementId();
        state = AgreementState.DRAFT;
        lifetime.term(event.term());
        parties.drafted(event.parties());
        texts.added(event.text());
    }

    @EventSourcingHandler
    void on(ApprovalsVoided event) {
        round = null;
    }

    @EventSourcingHandler
    void on(DraftRevised event) {
        if (event.newTextVersion()) {
            state = AgreementState.DRAFT;
            texts.added(event.text());
        }
        if (event.term() != null) {
            lifetime.term(event.term());
        }
    }

    @EventSourcingHandler
    void on(TextDescriptionCorrected event) {
        texts.corrected(event.textVersion(), event.text());
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
        appeals.decided(
                event.decisionId(),
                new Appeals.Decision(
                        event.partyId(), event.textSha256(), event.decidedOn(), event.appealWindowEndsOn()));
        decisionsRecorded++;
        if (event.counts() && round != null && round.sha256().equals(event.textSha256())) {
            round.decided(
                    event.partyId(),
                    new BoardDecision(
                            event.decisionId().toString(),
                            event.outcome(),
                            event.decidedOn(),
                            decisionsRecorded,
                            event.appealWindowEndsOn()));
        }
    }

    @EventSourcingHandler
    void on(AppealRecorded event) {
        appeals.appealed(event.decisionId(), new AppealStep(event.outcome(), event.on()));
    }

    @EventSourcingHandler
    void on(AgreementEnteredIntoForce event) {
        state = AgreementState.IN_FORCE;
        texts.inForce(event.textVersion());
        lifetime.inForceFrom(event.effectiveFrom());
        round = null;
    }

    @EventSourcingHandler
    void on(AmendmentProposed event) {
        texts.added(event.text());
        round = new ApprovalRound(event.text().sha256(), event.textVersion(), event.amendmentId());
    }

    @EventSourcingHandler
    void on(AmendmentEnteredIntoForce event) {
        texts.inForce(event.textVersion());
        round = null;
    }

    @EventSourcingHandler
    void on(ReviewScheduled event, @Timestamp Instant recordedAt) {
        meetings.scheduled(
                event.reviewId(),
                LocalDate.ofInstant(recordedAt, BusinessTime.ZONE),
                event.startsAt(),
                event.reviewers());
    }

    @EventSourcingHandler
    void on(ReviewRescheduled event) {
        meetings.moved(event.reviewId(), event.startsAt());
    }

    @EventSourcingHandler
    void on(ReviewHeld event) {
        meetings.is(event.reviewId(), Meetings.Status.HELD);
    }

    @EventSourcingHandler
    void on(ReviewCancelled event) {
        meetings.is(event.reviewId(), Meetings.Status.CANCELLED);
    }

    @EventSourcingHandler
    void on(ReviewOutcomeRecorded event) {
        meetings.is(event.reviewId(), Meetings.Status.HELD);
    }

    @EventSourcingHandler
    void on(DocumentAttached event) {
        records.attached(
                event.sha256(),
                new Records.Document(
                        event.documentId(), event.title(), event.mediaType(), event.size(), event.uri(), event.kind()));
    }

    @EventSourcingHandler
    void on(DocumentCorrected event) {
        records.corrected(event.sha256(), event.title(), event.mediaType(), event.uri(), event.kind());
    }

    @EventSourcingHandler
    void on(AgreementLinked event) {
        records.linked(event.type(), event.otherAgreementId(), event.otherTitle());
    }

    @EventSourcingHandler
    void on(NoticeGiven event) {
        parties.noticeGiven(event.partyId(), event.leavesOn());
    }

    @EventSourcingHandler
    void on(PartyLeft event) {
        parties.left(event.partyId(), event.leftOn());
    }

    @EventSourcingHandler
    void on(PartyRemoved event) {
        parties.removed(event.partyId());
        if (round != null) {
            round.forget(event.partyId());
        }
    }

    @EventSourcingHandler
    void on(TerminationDecided event) {
        lifetime.terminationDecided(event.effectiveOn(), event.reason());
    }

    @EventSourcingHandler
    void on(AgreementTerminated event) {
        state = AgreementState.TERMINATED;
        lifetime.terminated(event.effectiveOn());
        round = null;
    }

    @EventSourcingHandler
    void on(AgreementExpired event) {
        state = AgreementState.EXPIRED;
        lifetime.expired(event.endedOn());
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
