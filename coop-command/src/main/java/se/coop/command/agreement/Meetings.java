package se.coop.command.agreement;

import static se.coop.command.agreement.Refusal.refused;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.coop.api.BusinessTime;
import se.coop.api.ErrorCode;
import se.coop.api.Participant;
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
    private final Map<ReviewId, OffsetDateTime> startsAt = new HashMap<>();
    private final Map<ReviewId, List<Participant>> reviewers = new HashMap<>();

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

    /**
     * Rule 7: a scheduled meeting's outcome is recorded once it has begun, not before the time it was set for (a
     * meeting held earlier than planned is cancelled and recorded as held on its own).
     */
    void requireBegun(ReviewId reviewId, java.time.Instant now) {
        OffsetDateTime at = startsAt.get(reviewId);
        if (at != null && now.isBefore(at.toInstant())) {
            throw refused(
                    ErrorCode.REVIEW_NOT_IN_PAST,
                    "Meeting " + reviewId + " is set for " + at + "; its outcome is recorded once it has begun"
                            + " (rule 7). If it was held earlier than planned, cancel it and record the meeting as"
                            + " held.",
                    "heldOn");
        }
    }

    /** The reviewers a meeting was scheduled with. */
    List<Participant> reviewersOf(ReviewId reviewId) {
        return reviewers.getOrDefault(reviewId, List.of());
    }

    /** The meetings still scheduled for {@code day} or later (business time): those an end on that day cancels. */
    List<ReviewId> scheduledFrom(LocalDate day) {
        List<ReviewId> found = new ArrayList<>();
        status.forEach((id, now) -> {
            if (now == Status.SCHEDULED && !dayOf(startsAt.get(id)).isBefore(day)) {
                found.add(id);
            }
        });
        found.sort(Comparator.comparing((ReviewId id) -> startsAt.get(id).toInstant())
                .thenComparing(ReviewId::toString));
        return found;
    }

    static LocalDate dayOf(OffsetDateTime at) {
        return LocalDate.ofInstant(at.toInstant(), BusinessTime.ZONE);
    }

    // ------------------------------------------------------------------ what the events say

    void scheduled(ReviewId reviewId, LocalDate on, OffsetDateTime at, List<Participant> invited) {
        status.put(reviewId, Status.SCHEDULED);
        scheduledOn.put(reviewId, on);
        startsAt.put(reviewId, at);
        reviewers.put(reviewId, List.copyOf(invited));
    }

    void moved(ReviewId reviewId, OffsetDateTime at) {
        startsAt.put(reviewId, at);
    }

    void is(ReviewId reviewId, Status now) {
        status.put(reviewId, now);
    }
}
