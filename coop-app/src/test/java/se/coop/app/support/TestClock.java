package se.coop.app.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;
import se.coop.api.BusinessTime;

/**
 * The clock every test context runs on. It stands still unless a test moves it, and it only moves forward, so tests
 * that share it never see time run backwards; tests read "now" from it rather than assuming a date.
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));

    private final AtomicReference<Instant> now;

    private TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Moves to {@code instant}, or stays put if the clock is already past it. */
    public void advanceTo(Instant instant) {
        now.updateAndGet(current -> instant.isAfter(current) ? instant : current);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** 13:00 in business time (Europe/Stockholm), {@code days} days from the test clock's now. */
    public static OffsetDateTime afternoonIn(int days) {
        return ZonedDateTime.ofInstant(INSTANCE.instant(), BusinessTime.ZONE)
                .plusDays(days)
                .withHour(13)
                .withMinute(0)
                .withSecond(0)
                .withNano(0)
                .toOffsetDateTime();
    }
}
