package se.coop.app.histories;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The clock of one generated history: set by the history, moved forward by its steps and timers. */
final class HistoryClock extends Clock {

    private Instant now;

    HistoryClock(Instant start) {
        this.now = start;
    }

    /** Starts another history: the only time the clock may go back. */
    void restart(Instant start) {
        now = start;
    }

    void moveTo(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalStateException("a history's clock only moves forward: " + now + " → " + instant);
        }
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
