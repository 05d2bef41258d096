package se.coop.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;

/**
 * How many password checks may fail, per client address and per user name: each has a token bucket (Caffeine keeps
 * the recent ones) that a check takes one token from before it runs and that a success gives back. An empty bucket
 * refuses the check at once, without hashing, saying when the next token comes: guessing costs the guesser time, not
 * Coop's processors. A successful check remembered by {@link CachedCredentials} needs no token, so a user already
 * signed in keeps working while someone else guesses at their name.
 */
final class FailedSignIns {

    /** A token taken for one check; {@link #giveBack} when the check succeeded. */
    interface Permit {
        void giveBack();
    }

    private final Cache<String, Bucket> byAddress;
    private final Cache<String, Bucket> byUser;
    private final SecurityProperties.SignIns limits;

    FailedSignIns(SecurityProperties.SignIns limits) {
        this.limits = limits;
        this.byAddress = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(limits.perAddressEvery().multipliedBy(limits.perAddress() + 1L))
                .build();
        this.byUser = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(limits.perUserEvery().multipliedBy(limits.perUser() + 1L))
                .build();
    }

    Permit take(String address, String user) {
        long now = System.nanoTime();
        Bucket forAddress = byAddress.get(
                address == null ? "?" : address, key -> new Bucket(limits.perAddress(), limits.perAddressEvery()));
        Bucket forUser = byUser.get(
                user == null ? "" : user.toLowerCase(Locale.ROOT),
                key -> new Bucket(limits.perUser(), limits.perUserEvery()));
        long wait = forAddress.take(now);
        if (wait > 0) {
            throw new TooManySignIns(
                    "Too many failed sign-ins from this address; try again in " + seconds(wait) + " s.", seconds(wait));
        }
        wait = forUser.take(now);
        if (wait > 0) {
            forAddress.giveBack();
            throw new TooManySignIns(
                    "Too many failed sign-ins for this user name; try again in " + seconds(wait) + " s.",
                    seconds(wait));
        }
        return () -> {
            forAddress.giveBack();
            forUser.giveBack();
        };
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** A token bucket: {@code capacity} tokens, one more every {@code every}; time on the monotonic timer. */
    static final class Bucket {

        private final int capacity;
        private final long everyNanos;
        private double tokens;
        private long refilledAt;

        Bucket(int capacity, Duration every) {
            this.capacity = capacity;
            this.everyNanos = every.toNanos();
            this.tokens = capacity;
            this.refilledAt = System.nanoTime();
        }

        /** Takes a token: 0 when there was one, else how long (ns) until there is. */
        synchronized long take(long now) {
            if (now > refilledAt) {
                tokens = Math.min(capacity, tokens + (double) (now - refilledAt) / everyNanos);
                refilledAt = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * everyNanos);
        }

        synchronized void giveBack() {
            tokens = Math.min(capacity, tokens + 1);
        }
    }
}
