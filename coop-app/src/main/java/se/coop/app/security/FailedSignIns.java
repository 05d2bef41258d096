package se.coop.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * How many password checks may fail (decisions/0009). Each limit is a token bucket (Caffeine keeps the recent ones)
 * that a check takes one token from before it runs and that a success gives back; an empty bucket refuses the check
 * at once, without hashing, saying when the next token comes. Addresses count by network: an IPv4 address, or an IPv6
 * address's /64 (what one subscriber is given, so changing addresses within it gains nothing).
 *
 * <ul>
 *   <li><b>per network</b>: failures from one network, whatever names it tries;
 *   <li><b>per user name and network</b>: failures for one name from one network — so failures from elsewhere can
 *       never lock a user out where they sign in;
 *   <li><b>per user name, across networks</b>: a larger allowance for a name from every network where it has not
 *       signed in (within {@code coop.security.sign-ins.trust}), which holds back guessing spread over many networks;
 *       a network where the user signed in before is not held to it.
 * </ul>
 *
 * A name that does not exist has its buckets like any other, so that the answers cannot tell names apart.
 */
final class FailedSignIns {

    /** A token taken for one check; {@link #giveBack} when the check succeeded. */
    interface Permit {
        void giveBack();

        /** Whether the user signed in from this network before: its check goes ahead of the others. */
        boolean trusted();
    }

    private final Cache<String, Bucket> byNetwork;
    private final Cache<String, Bucket> byUserAndNetwork;
    private final Cache<String, Bucket> byUser;
    private final Cache<String, Boolean> trusted;
    private final SecurityProperties.SignIns limits;

    FailedSignIns(SecurityProperties.SignIns limits) {
        this.limits = limits;
        this.byNetwork = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(limits.perAddressEvery().multipliedBy(limits.perAddress() + 1L))
                .build();
        this.byUserAndNetwork = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(limits.perUserEvery().multipliedBy(limits.perUser() + 1L))
                .build();
        this.byUser = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(limits.perUserTotalEvery().multipliedBy(limits.perUserTotal() + 1L))
                .build();
        this.trusted = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(limits.trust())
                .build();
    }

    Permit take(String address, String user) {
        long now = System.nanoTime();
        String network = network(address);
        String name = user == null ? "" : user.toLowerCase(Locale.ROOT);
        String pair = name + "\u0000" + network;
        boolean known = trusted.getIfPresent(pair) != null;
        Bucket forNetwork = byNetwork.get(network, key -> new Bucket(limits.perAddress(), limits.perAddressEvery()));
        Bucket forPair = byUserAndNetwork.get(pair, key -> new Bucket(limits.perUser(), limits.perUserEvery()));
        Bucket forUser =
                known ? null : byUser.get(name, key -> new Bucket(limits.perUserTotal(), limits.perUserTotalEvery()));
        long wait = forNetwork.take(now);
        if (wait > 0) {
            throw new TooManySignIns(
                    "Too many failed sign-ins from this address; try again in " + seconds(wait) + " s.", seconds(wait));
        }
        wait = forPair.take(now);
        if (wait > 0) {
            forNetwork.giveBack();
            throw new TooManySignIns(
                    "Too many failed sign-ins for this user name; try again in " + seconds(wait) + " s.",
                    seconds(wait));
        }
        if (forUser != null) {
            wait = forUser.take(now);
            if (wait > 0) {
                forNetwork.giveBack();
                forPair.giveBack();
                throw new TooManySignIns(
                        "Too many failed sign-ins for this user name; try again in " + seconds(wait) + " s.",
                        seconds(wait));
            }
        }
        return new Permit() {
            @Override
            public void giveBack() {
                forNetwork.giveBack();
                forPair.giveBack();
                if (forUser != null) {
                    forUser.giveBack();
                }
                trusted.put(pair, Boolean.TRUE);
            }

            @Override
            public boolean trusted() {
                return known;
            }
        };
    }

    /**
     * The network an address counts as: an IPv4 address itself (an IPv4-mapped IPv6 address as its IPv4 address), an
     * IPv6 address's first 64 bits; {@code ?} when there is none.
     */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return "?";
        }
        if (!address.matches("[0-9A-Fa-f:.]+")) {
            // not an address literal (a proxy's header gone wrong): counted as what it says, never looked up
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            byte[] prefix = new byte[16];
            System.arraycopy(bytes, 0, prefix, 0, 8);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
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
