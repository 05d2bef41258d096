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
 * the view is read. {@code terminatesOn}: the day a decided termination takes effect, while the agreement is still in
 * force. {@code latestDecisionOn}: the day of the latest board decision of any party, whatever it decided.
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
        Instant updatedAt) {}
