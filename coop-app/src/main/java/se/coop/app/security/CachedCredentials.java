package se.coop.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Remembers successful password checks for a short while, so that bcrypt (tens of milliseconds by design) runs once
 * per user and password rather than on every request. Only successes are kept, under a SHA-256 of user and password.
 * Every other check runs on the bounded {@link PasswordChecks} pool, and only while {@link FailedSignIns} still has a
 * token for the client's network and the user name. A name that does not exist takes its tokens like any other and is
 * then refused without a check, answered as late as a check would be ({@link AnsweredLater}): a flood of made-up names
 * costs no check at all (decisions/0009). The time is measured on the monotonic timer.
 */
final class CachedCredentials implements AuthenticationProvider {

    private record Entry(Authentication authentication, long checkedAt) {}

    private final AuthenticationProvider delegate;
    private final Predicate<String> exists;
    private final FailedSignIns failures;
    private final PasswordChecks checks;
    private final long freshNanos;
    private final Map<String, Entry> cache;

    CachedCredentials(
            AuthenticationProvider delegate,
            Predicate<String> exists,
            FailedSignIns failures,
            PasswordChecks checks,
            java.time.Duration fresh,
            int capacity) {
        this.delegate = delegate;
        this.exists = exists;
        this.failures = failures;
        this.checks = checks;
        this.freshNanos = fresh.toNanos();
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = key(authentication.getName(), String.valueOf(authentication.getCredentials()));
        long now = System.nanoTime();
        Entry cached = cache.get(key);
        if (cached != null && now - cached.checkedAt() < freshNanos) {
            return cached.authentication();
        }
        FailedSignIns.Permit permit = failures.take(address(authentication), authentication.getName());
        if (!exists.test(authentication.getName())) {
            // nothing to check: refused without a check's cost, and answered as late as a check would be
            throw new AnsweredLater(checks.aCheckTook());
        }
        Authentication checked;
        try {
            checked = checks.check(() -> delegate.authenticate(authentication), permit.trusted());
        } catch (TooManySignIns busy) {
            // not checked at all: that was no failure of this user's, so its token goes back
            permit.giveBack();
            throw busy;
        }
        if (checked != null && checked.isAuthenticated()) {
            permit.giveBack();
            cache.put(key, new Entry(checked, now));
        }
        return checked;
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String key(String user, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(user.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
