package se.coop.command.agreement;

import static se.coop.command.agreement.Refusal.refused;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import se.coop.api.ErrorCode;
import se.coop.api.ReviewId;

/** The agreement's meetings — annual reviews and others — and where each stands (rule 7). */
final class Meetings {

    enum Status {
        SCHEDULED,
        HELD,
        CANCELLED
    }

    private final Map<ReviewId, Status> status = new HashMap<>();
    private final Map<ReviewId, LocalDate> scheduledOn = new HashMap<>();

    void requireNew(ReviewId reviewId) {
        if (status.containsKey(reviewId)) {
            throw refused(ErrorCode.DUPLICATE_ID, "Meeting " + reviewId + " already exists.", "reviewId");
        }
    }

    /** Only a meeting still to come can be moved, cancelled or recorded as held. */
    void requireScheduled(ReviewId reviewId) {
        Status now = status.get(reviewId);
        if (now == null) {
            throw refused(ErrorCode.REVIEW_NOT_FOUND, "This agreement has no meeting " + reviewId + ".");
        }
        if (now != Status.SCHEDULED) {
            throw refused(
                    ErrorCode.REVIEW_NOT_SCHEDULED,
                    "Meeting " + reviewId + " is " + now.name().toLowerCase(Locale.ROOT)
                            + "; only a scheduled meeting can be changed.");
        }
    }

    /** Rule 7: a meeting that was scheduled took place on or after the day it was scheduled. */
    void requireHeldAfterScheduling(ReviewId reviewId, LocalDate heldOn) {
        LocalDate scheduled = scheduledOn.get(reviewId);
        if (scheduled != null && heldOn.isBefore(scheduled)) {
            throw refused(
                    ErrorCode.DATE_OUT_OF_ORDER,
                    "heldOn " + heldOn + " lies before the day the meeting was scheduled (" + scheduled
                            + "); record a meeting held earlier as held, not as this one's outcome (rule 7).",
                    "heldOn");
        }
    }

    void scheduled(ReviewId reviewId, LocalDate on) {
        status.put(reviewId, Status.SCHEDULED);
        scheduledOn.put(reviewId, on);
    }

    void is(ReviewId reviewId, Status now) {
        status.put(reviewId, now);
    }
}
