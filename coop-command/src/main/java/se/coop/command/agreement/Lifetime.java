package se.coop.command.agreement;

import static se.coop.command.agreement.Refusal.refused;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import se.coop.api.BusinessTime;
import se.coop.api.ErrorCode;
import se.coop.api.Term;

/**
 * How long the agreement runs: its term as drafted or revised, the day it entered into force, a termination decided
 * for a day to come, and the day it ended (expiry at the end of a fixed term, termination, too few parties).
 */
final class Lifetime {

    private Term term;
    private LocalDate effectiveFrom;
    private LocalDate terminatesOn;
    private String terminationReason;
    private LocalDate endedOn;
    private LocalDate lastDayInForce;

    Term term() {
        return term;
    }

    LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    LocalDate terminatesOn() {
        return terminatesOn;
    }

    String terminationReason() {
        return terminationReason;
    }

    LocalDate endedOn() {
        return endedOn;
    }

    boolean waitsForLegalForce() {
        return term.waitsForLegalForce();
    }

    /**
     * A meeting is held while the agreement is in force: not on or after the day it ends ({@code endsOn}: a decided
     * termination, or the day the notices given leave too few parties) nor after the end of the term.
     */
    void requireMeetingWhileInForce(OffsetDateTime startsAt, LocalDate endsOn) {
        LocalDate day = LocalDate.ofInstant(startsAt.toInstant(), BusinessTime.ZONE);
        if (endsOn != null && !day.isBefore(endsOn)) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "The agreement ends on " + endsOn + "; a meeting on " + day + " would be held after it ended.",
                    "startsAt");
        }
        if (term.endsOn() != null && day.isAfter(term.endsOn())) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "The agreement runs to " + term.endsOn() + "; a meeting on " + day + " would be held after it.",
                    "startsAt");
        }
    }

    /**
     * Rule 6: a fixed term that ended before the day the agreement would enter into force leaves it nothing to be in
     * force for — it expires without ever having been in force.
     */
    boolean termEndedBefore(LocalDate effectiveFrom) {
        return term.endsOn() != null && effectiveFrom.isAfter(term.endsOn());
    }

    /** Rule 1: notice is given under an agreement in force — not before the day it entered into force. */
    void requireNoticeWhileInForce(LocalDate givenOn) {
        if (givenOn.isBefore(effectiveFrom)) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "givenOn " + givenOn + " lies before the agreement entered into force (" + effectiveFrom
                            + "): notice can only be given under an agreement in force (rule 1).",
                    "givenOn");
        }
    }

    /** A meeting recorded as held took place while the agreement was in force, and has taken place. */
    void requireHeldWhileInForce(LocalDate heldOn, LocalDate today) {
        if (effectiveFrom == null) {
            throw refused(
                    ErrorCode.WRONG_STATE,
                    "The agreement ended (on " + endedOn + ") without ever having been in force; no meeting was held"
                            + " under it.");
        }
        if (heldOn.isAfter(today)) {
            throw refused(
                    ErrorCode.REVIEW_NOT_IN_PAST,
                    "heldOn " + heldOn + " lies after today (" + today
                            + "): schedule a future meeting instead of recording it as held.",
                    "heldOn");
        }
        if (heldOn.isBefore(effectiveFrom) || (lastDayInForce != null && heldOn.isAfter(lastDayInForce))) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "heldOn " + heldOn + " lies outside the time the agreement was in force (from " + effectiveFrom
                            + (lastDayInForce == null ? "" : " to " + lastDayInForce) + ").",
                    "heldOn");
        }
    }

    /**
     * Rule 9 and the term: a termination takes effect while the agreement is in force — not before it entered into
     * force, not after its fixed end — and is decided once.
     */
    void requireTerminable(LocalDate effectiveOn) {
        if (terminatesOn != null) {
            throw refused(
                    ErrorCode.WRONG_STATE,
                    "The agreement is already terminated from " + terminatesOn + "; a decided termination is not"
                            + " withdrawn or moved.");
        }
        if (effectiveOn.isBefore(effectiveFrom)) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "The termination cannot take effect (" + effectiveOn + ") before the agreement entered into force ("
                            + effectiveFrom + ").",
                    "effectiveOn");
        }
        if (term.endsOn() != null && effectiveOn.isAfter(term.endsOn())) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "The agreement runs to " + term.endsOn() + " and ends then by itself; it cannot be terminated"
                            + " from a later day (" + effectiveOn + ").",
                    "effectiveOn");
        }
    }

    // ------------------------------------------------------------------ what the events say

    void term(Term term) {
        this.term = term;
    }

    void inForceFrom(LocalDate day) {
        effectiveFrom = day;
    }

    void terminationDecided(LocalDate on, String reason) {
        terminatesOn = on;
        terminationReason = reason;
    }

    /** Terminated from {@code on}: the day before was its last in force. */
    void terminated(LocalDate on) {
        endedOn = on;
        lastDayInForce = on.minusDays(1);
        terminatesOn = null;
    }

    /** Expired at the end of its term: {@code endsOn} was its last day in force. */
    void expired(LocalDate endsOn) {
        endedOn = endsOn;
        lastDayInForce = endsOn;
        terminatesOn = null;
    }
}
