package se.coop.app.histories;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.coop.api.BusinessTime;
import se.coop.api.event.AgreementArchived;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.DraftAbandoned;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewOutcomeRecorded;
import se.coop.api.event.ReviewRescheduled;
import se.coop.api.event.ReviewScheduled;
import se.coop.query.readmodel.RecordedEvent;

/**
 * The reminders each meeting should have had, worked out from docs/domain.md (Reminders) and the times the meeting
 * had: for each time, counted afresh from when it was set — of the offsets already passed then only the nearest, at
 * once; each later one at its own time — until the meeting moved to another time, was cancelled or held, or the
 * agreement ended. A move that keeps the time changes nothing.
 */
final class ReminderReference {

    private ReminderReference() {}

    /** What was issued or is expected: the meeting, the time it was for, the offset, and when it went out. */
    record Reminder(String reviewId, Instant meetingAt, int offsetDays, Instant issuedAt) {
        @Override
        public String toString() {
            return reviewId.substring(0, 8) + " for " + meetingAt + " −" + offsetDays + "d at " + issuedAt;
        }
    }

    private record Time(Instant at, Instant setAt) {}

    static List<Reminder> expected(List<RecordedEvent> events, Instant now) {
        List<Integer> offsets = List.of();
        Map<String, List<Time>> times = new LinkedHashMap<>();
        Map<String, Instant> ended = new LinkedHashMap<>();
        Instant agreementEnded = null;
        for (RecordedEvent recorded : events) {
            Object event = recorded.payload();
            Instant at = recorded.recordedAt();
            if (event instanceof IntentDrafted e) {
                offsets = e.reminderOffsetsDays();
            } else if (event instanceof ReviewScheduled e) {
                times.computeIfAbsent(e.reviewId().toString(), id -> new ArrayList<>())
                        .add(new Time(e.startsAt().toInstant(), at));
            } else if (event instanceof ReviewRescheduled e) {
                List<Time> meeting = times.get(e.reviewId().toString());
                if (!meeting.get(meeting.size() - 1).at().equals(e.startsAt().toInstant())) {
                    meeting.add(new Time(e.startsAt().toInstant(), at));
                }
            } else if (event instanceof ReviewCancelled e) {
                ended.putIfAbsent(e.reviewId().toString(), at);
            } else if (event instanceof ReviewOutcomeRecorded e) {
                ended.putIfAbsent(e.reviewId().toString(), at);
            } else if ((event instanceof AgreementTerminated
                            || event instanceof AgreementExpired
                            || event instanceof DraftAbandoned
                            || event instanceof AgreementArchived)
                    && agreementEnded == null) {
                agreementEnded = at;
            }
        }
        List<Reminder> expected = new ArrayList<>();
        for (Map.Entry<String, List<Time>> meeting : times.entrySet()) {
            Instant end = earliest(earliest(ended.get(meeting.getKey()), agreementEnded), now);
            List<Time> list = meeting.getValue();
            for (int i = 0; i < list.size(); i++) {
                Time time = list.get(i);
                Instant until = i + 1 < list.size() ? earliest(list.get(i + 1).setAt(), end) : end;
                if (time.setAt().isAfter(until)) {
                    break;
                }
                Integer nearestPassed = null;
                for (int offset : offsets) {
                    Instant due = reminderTime(time.at(), offset);
                    if (!due.isAfter(time.setAt())) {
                        if (nearestPassed == null || offset < nearestPassed) {
                            nearestPassed = offset;
                        }
                    } else if (!due.isAfter(until)) {
                        expected.add(new Reminder(meeting.getKey(), time.at(), offset, due));
                    }
                }
                if (nearestPassed != null) {
                    expected.add(new Reminder(meeting.getKey(), time.at(), nearestPassed, time.setAt()));
                }
            }
        }
        return expected;
    }

    /** A reminder {@code offset} days before the meeting, at the meeting's time of day in business time. */
    static Instant reminderTime(Instant meetingAt, int offsetDays) {
        return meetingAt.atZone(BusinessTime.ZONE).minusDays(offsetDays).toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }

    static Reminder of(String reviewId, OffsetDateTime meetingAt, int offsetDays, Instant issuedAt) {
        return new Reminder(reviewId, meetingAt.toInstant(), offsetDays, issuedAt);
    }
}
