package se.coop.api.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementState;
import se.coop.api.FocusArea;
import se.coop.api.Funding;
import se.coop.api.LocalizedText;
import se.coop.api.Term;

/**
 * The status of one agreement (docs/api.md, Reads): its state, the text version that counts, each party's approvals,
 * and whether its review is overdue. {@code overdue} and each party's {@code legallyFinal} are computed for the day
 * the view is read. {@code terminatesOn}: the day the agreement ends while it is still in force — the earlier of a
 * decided termination's day ({@code terminationDecidedOn}, null when none is decided: a decided termination is not
 * withdrawn or moved) and the day notices leave fewer than two parties. {@code latestDecisionOn}: the day of the latest board decision of any party, whatever it decided.
 * {@code missingFromStore}: set when a verification against a checkpoint found the agreement's event stream deleted
 * whole (the rest of the view is then as it was when found); null otherwise.
 */
public record AgreementStatusView(
        String agreementId,
        long version,
        AgreementState state,
        AgreementKind kind,
        boolean binding,
        LocalizedText title,
        int textVersion,
        String textSha256,
        LocalDate effectiveFrom,
        LocalDate endedOn,
        String endReason,
        LocalDate terminatesOn,
        LocalDate terminationDecidedOn,
        List<PartyStatusView> parties,
        List<FocusArea> focusAreas,
        Term term,
        int reviewCadenceMonths,
        List<Integer> reminderOffsetsDays,
        Funding funding,
        List<LinkView> links,
        List<DocumentView> documents,
        AmendmentView pendingAmendment,
        MeetingRef nextReview,
        LocalDate lastReviewHeldOn,
        LocalDate reviewDueOn,
        boolean overdue,
        LocalDate latestDecisionOn,
        Instant createdAt,
        Instant updatedAt,
        MissingFromStore missingFromStore) {

    /** A stream a verification found deleted whole: when, against which checkpoint, and how far that checkpoint saw it. */
    public record MissingFromStore(Instant foundAt, String checkpointId, String verificationId, long coveredSequence) {}

    /** The same view, marked as missing from the store (or not, for null). */
    public AgreementStatusView withMissingFromStore(MissingFromStore missing) {
        return new AgreementStatusView(
                agreementId,
                version,
                state,
                kind,
                binding,
                title,
                textVersion,
                textSha256,
                effectiveFrom,
                endedOn,
                endReason,
                terminatesOn,
                terminationDecidedOn,
                parties,
                focusAreas,
                term,
                reviewCadenceMonths,
                reminderOffsetsDays,
                funding,
                links,
                documents,
                pendingAmendment,
                nextReview,
                lastReviewHeldOn,
                reviewDueOn,
                overdue,
                latestDecisionOn,
                createdAt,
                updatedAt,
                missing);
    }

    /** A view built by naming each part (the status fold renders it so). */
    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of the view; a part not named is null, false or 0. */
    public static final class Builder {
        private String agreementId;
        private long version;
        private AgreementState state;
        private AgreementKind kind;
        private boolean binding;
        private LocalizedText title;
        private int textVersion;
        private String textSha256;
        private LocalDate effectiveFrom;
        private LocalDate endedOn;
        private String endReason;
        private LocalDate terminatesOn;
        private LocalDate terminationDecidedOn;
        private List<PartyStatusView> parties;
        private List<FocusArea> focusAreas;
        private Term term;
        private int reviewCadenceMonths;
        private List<Integer> reminderOffsetsDays;
        private Funding funding;
        private List<LinkView> links;
        private List<DocumentView> documents;
        private AmendmentView pendingAmendment;
        private MeetingRef nextReview;
        private LocalDate lastReviewHeldOn;
        private LocalDate reviewDueOn;
        private boolean overdue;
        private LocalDate latestDecisionOn;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        public Builder agreementId(String agreementId) {
            this.agreementId = agreementId;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder state(AgreementState state) {
            this.state = state;
            return this;
        }

        public Builder kind(AgreementKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder binding(boolean binding) {
            this.binding = binding;
            return this;
        }

        public Builder title(LocalizedText title) {
            this.title = title;
            return this;
        }

        public Builder textVersion(int textVersion) {
            this.textVersion = textVersion;
            return this;
        }

        public Builder textSha256(String textSha256) {
            this.textSha256 = textSha256;
            return this;
        }

        public Builder effectiveFrom(LocalDate effectiveFrom) {
            this.effectiveFrom = effectiveFrom;
            return this;
        }

        public Builder endedOn(LocalDate endedOn) {
            this.endedOn = endedOn;
            return this;
        }

        public Builder endReason(String endReason) {
            this.endReason = endReason;
            return this;
        }

        public Builder terminatesOn(LocalDate terminatesOn) {
            this.terminatesOn = terminatesOn;
            return this;
        }

        public Builder terminationDecidedOn(LocalDate terminationDecidedOn) {
            this.terminationDecidedOn = terminationDecidedOn;
            return this;
        }

        public Builder parties(List<PartyStatusView> parties) {
            this.parties = parties;
            return this;
        }

        public Builder focusAreas(List<FocusArea> focusAreas) {
            this.focusAreas = focusAreas;
            return this;
        }

        public Builder term(Term term) {
            this.term = term;
            return this;
        }

        public Builder reviewCadenceMonths(int reviewCadenceMonths) {
            this.reviewCadenceMonths = reviewCadenceMonths;
            return this;
        }

        public Builder reminderOffsetsDays(List<Integer> reminderOffsetsDays) {
            this.reminderOffsetsDays = reminderOffsetsDays;
            return this;
        }

        public Builder funding(Funding funding) {
            this.funding = funding;
            return this;
        }

        public Builder links(List<LinkView> links) {
            this.links = links;
            return this;
        }

        public Builder documents(List<DocumentView> documents) {
            this.documents = documents;
            return this;
        }

        public Builder pendingAmendment(AmendmentView pendingAmendment) {
            this.pendingAmendment = pendingAmendment;
            return this;
        }

        public Builder nextReview(MeetingRef nextReview) {
            this.nextReview = nextReview;
            return this;
        }

        public Builder lastReviewHeldOn(LocalDate lastReviewHeldOn) {
            this.lastReviewHeldOn = lastReviewHeldOn;
            return this;
        }

        public Builder reviewDueOn(LocalDate reviewDueOn) {
            this.reviewDueOn = reviewDueOn;
            return this;
        }

        public Builder overdue(boolean overdue) {
            this.overdue = overdue;
            return this;
        }

        public Builder latestDecisionOn(LocalDate latestDecisionOn) {
            this.latestDecisionOn = latestDecisionOn;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public AgreementStatusView build() {
            return new AgreementStatusView(
                    agreementId,
                    version,
                    state,
                    kind,
                    binding,
                    title,
                    textVersion,
                    textSha256,
                    effectiveFrom,
                    endedOn,
                    endReason,
                    terminatesOn,
                    terminationDecidedOn,
                    parties,
                    focusAreas,
                    term,
                    reviewCadenceMonths,
                    reminderOffsetsDays,
                    funding,
                    links,
                    documents,
                    pendingAmendment,
                    nextReview,
                    lastReviewHeldOn,
                    reviewDueOn,
                    overdue,
                    latestDecisionOn,
                    createdAt,
                    updatedAt,
                    null);
        }
    }
}
