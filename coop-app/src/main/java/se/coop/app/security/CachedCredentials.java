package se.coop.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers successful password checks for a short while, so that bcrypt (tens of milliseconds by design) runs once
 * per user and password rather than on every request. Only successes are kept, under a SHA-256 of user and password;
 * a wrong password always pays the full bcrypt price. The time is measured on the monotonic timer.
 */
final class CachedCredentials implements AuthenticationProvider {

    private record Entry(Authentication authentication, long checkedAt) {}

    private final AuthenticationProvider delegate;
    private final long freshNanos;
    private final Map<String, Entry> cache;

    CachedCredentials(AuthenticationProvider delegate, java.time.Duration fresh, int capacity) {
        this.delegate = delegate;
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
        Authentication checked = delegate.authenticate(authentication);
        if (checked != null && checked.isAuthenticated()) {
            cache.put(key, new Entry(checked, now));
        }
        return checked;
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
