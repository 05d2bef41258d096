package se.coop.command.agreement;

import static se.coop.command.agreement.Refusal.refused;

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

    void is(ReviewId reviewId, Status now) {
        status.put(reviewId, now);
    }
}
