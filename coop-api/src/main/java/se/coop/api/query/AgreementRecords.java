package se.coop.api.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import se.coop.api.AppealOutcome;
import se.coop.api.BoardOutcome;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewKind;

/**
 * Every act recorded for one agreement, as a dossier lists them: each signature and board decision (counted or not,
 * with its appeals and the day it became legally final), each amendment, and each meeting planned, held or
 * cancelled. The status view shows only what counts now; this is the whole record, oldest first.
 */
public record AgreementRecords(
        String agreementId,
        List<Signature> signatures,
        List<Decision> decisions,
        List<Amendment> amendments,
        List<Meeting> meetings) {

    /** A party signed a text version; {@code counts} is false for one that named an earlier version. */
    public record Signature(
            String partyId,
            String partyName,
            int textVersion,
            String amendmentId,
            boolean counts,
            String signatory,
            String signatoryTitle,
            LocalDate signedOn,
            String place,
            Instant recordedAt) {}

    /**
     * A party's board decided. {@code appealWindowEndsOn}: the last day to appeal a Swedish decision whose minutes
     * were posted; {@code finality} on the day shown (today, or the asOf/validOn day): FINAL (since
     * {@code legallyFinalOn}), OPEN (the appeal window runs: final from {@code legallyFinalOn} unless appealed),
     * PENDING (an appeal lodged), UNKNOWN (minutes not posted) or ANNULLED — null where no Swedish appeal clock runs.
     */
    public record Decision(
            String decisionId,
            String partyId,
            String partyName,
            String body,
            int textVersion,
            String amendmentId,
            boolean counts,
            LocalDate decidedOn,
            String caseNumber,
            String paragraph,
            BoardOutcome outcome,
            List<String> dissents,
            LocalDate minutesPostedOn,
            LocalDate appealWindowEndsOn,
            String finality,
            LocalDate legallyFinalOn,
            List<Appeal> appeals,
            Instant recordedAt) {}

    /** An appeal step against a decision (rule 12). */
    public record Appeal(AppealOutcome outcome, LocalDate on, String court, String caseNumber) {}

    /** A proposed text version; {@code effectiveFrom} once every party approved it, {@code supersededBy} if replaced. */
    public record Amendment(
            String amendmentId,
            int textVersion,
            String textSha256,
            String summary,
            LocalDate effectiveFrom,
            String supersededBy,
            Instant recordedAt) {}

    /**
     * A meeting: PLANNED (with when it starts), HELD (with the day, summary and decision) or CANCELLED (with the
     * reason). Reviewers are named with their party; their e-mail addresses are not part of the record.
     */
    public record Meeting(
            String reviewId,
            ReviewKind kind,
            String status,
            String title,
            OffsetDateTime startsAt,
            LocalDate heldOn,
            String location,
            List<String> reviewers,
            String summary,
            ReviewDecision decision,
            String cancelReason) {}
}
