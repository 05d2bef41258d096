package se.coop.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often each asker (a user, an address) may do something: {@code burst} times at once, then one more every
 * {@code oneMoreEvery} — a token bucket per asker, kept for the 10,000 who asked last. Used for the calendar feeds a
 * user makes and for the open register's anonymous readers.
 */
public final class Allowances {

    private static final int KEPT = 10_000;

    private final int burst;
    private final Duration oneMoreEvery;
    private final Clock clock;
    private final Map<String, Allowance> allowances = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Allowance> eldest) {
            return size() > KEPT;
        }
    });

    public Allowances(int burst, Duration oneMoreEvery, Clock clock) {
        if (burst < 1 || oneMoreEvery.isNegative() || oneMoreEvery.isZero()) {
            throw new IllegalArgumentException("an allowance needs a burst of at least 1 and a positive period");
        }
        this.burst = burst;
        this.oneMoreEvery = oneMoreEvery;
        this.clock = clock;
    }

    public int burst() {
        return burst;
    }

    /** Takes one turn of {@code asker}'s: 0 when it may go ahead, else how many seconds until it may. */
    public long take(String asker) {
        return allowances
                .computeIfAbsent(asker == null ? "" : asker, key -> new Allowance())
                .take();
    }

    private final class Allowance {
        private double left = burst;
        private Instant at = clock.instant();

        synchronized long take() {
            Instant now = clock.instant();
            left = Math.min(burst, left + (double) Duration.between(at, now).toNanos() / oneMoreEvery.toNanos());
            at = now;
            if (left >= 1) {
                left -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - left) * oneMoreEvery.toNanos() / 1e9));
        }
    }
}
