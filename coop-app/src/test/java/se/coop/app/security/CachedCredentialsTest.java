package se.coop.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Successful password checks are remembered briefly; failures never are, and they are limited per client address and
 * per user name.
 */
class CachedCredentialsTest {

    private static final Duration NEVER_REFILLED = Duration.ofHours(1);

    private final PasswordChecks pool = new PasswordChecks(1, 4);

    private FailedSignIns limits(int perAddress, int perUser) {
        return new FailedSignIns(new SecurityProperties.SignIns(
                perAddress, NEVER_REFILLED, perUser, NEVER_REFILLED, 1, 4, Duration.ZERO));
    }

    private CachedCredentials cached(Duration fresh) {
        return new CachedCredentials(bcrypt, limits(100, 100), pool, fresh, 100);
    }

    private static UsernamePasswordAuthenticationToken attempt(String user, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    private final AtomicInteger checks = new AtomicInteger();

    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            checks.incrementAndGet();
            if (!"rätt lösenord".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated(
                    authentication.getName(), null, List.of(new SimpleGrantedAuthority("ROLE_SECRETARIAT")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    @Test
    void aSuccessfulCheckIsRememberedAndAWrongPasswordIsCheckedEveryTime() {
        CachedCredentials cached = cached(Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            assertThat(cached.authenticate(
                                    UsernamePasswordAuthenticationToken.unauthenticated("kansli", "rätt lösenord"))
                            .isAuthenticated())
                    .isTrue();
        }
        assertThat(checks).hasValue(1);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() ->
                            cached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("kansli", "fel")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(3);
    }

    @Test
    void aRememberedCheckExpires() {
        CachedCredentials cached = cached(Duration.ZERO);
        cached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("kansli", "rätt lösenord"));
        cached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("kansli", "rätt lösenord"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void beyondTheFailuresAllowedForAUserNameAPasswordIsNotEvenChecked() {
        CachedCredentials cached = new CachedCredentials(bcrypt, limits(100, 3), pool, Duration.ofMinutes(5), 100);
        for (int i = 0; i < 3; i++) {
            String address = "192.0.2." + i;
            assertThatThrownBy(() -> cached.authenticate(attempt("kansli", "fel", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(3);
        assertThatThrownBy(() -> cached.authenticate(attempt("kansli", "fel", "192.0.2.9")))
                .isInstanceOf(TooManySignIns.class)
                .satisfies(e ->
                        assertThat(((TooManySignIns) e).retryAfterSeconds()).isPositive());
        assertThat(checks).hasValue(3);
        assertThatThrownBy(() -> cached.authenticate(attempt("KANSLI", "rätt lösenord", "192.0.2.9")))
                .as("user names are limited whatever their case")
                .isInstanceOf(TooManySignIns.class);
        assertThat(cached.authenticate(attempt("revisor", "rätt lösenord", "192.0.2.9"))
                        .isAuthenticated())
                .as("another user is not limited")
                .isTrue();
    }

    @Test
    void beyondTheFailuresAllowedFromAnAddressEveryNameIsRefusedThere() {
        CachedCredentials cached = new CachedCredentials(bcrypt, limits(2, 100), pool, Duration.ofMinutes(5), 100);
        assertThatThrownBy(() -> cached.authenticate(attempt("a", "fel", "198.51.100.7")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cached.authenticate(attempt("b", "fel", "198.51.100.7")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cached.authenticate(attempt("c", "rätt lösenord", "198.51.100.7")))
                .isInstanceOf(TooManySignIns.class);
        assertThat(cached.authenticate(attempt("c", "rätt lösenord", "198.51.100.8"))
                        .isAuthenticated())
                .isTrue();
        assertThat(checks).hasValue(3);
    }

    @Test
    void aSuccessGivesItsTokenBackAndARememberedSuccessNeedsNone() {
        CachedCredentials cached = new CachedCredentials(bcrypt, limits(100, 1), pool, Duration.ofMinutes(5), 100);
        for (int i = 0; i < 3; i++) {
            assertThat(cached.authenticate(attempt("kansli", "rätt lösenord", "203.0.113.1"))
                            .isAuthenticated())
                    .isTrue();
        }
        assertThatThrownBy(() -> cached.authenticate(attempt("kansli", "fel", "203.0.113.2")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cached.authenticate(attempt("kansli", "fel", "203.0.113.2")))
                .isInstanceOf(TooManySignIns.class);
        assertThat(cached.authenticate(attempt("kansli", "rätt lösenord", "203.0.113.1"))
                        .isAuthenticated())
                .as("signed in before the guessing began: remembered, so not limited")
                .isTrue();
        assertThat(checks).hasValue(2);
    }

    /** A check refused because the pool is busy was no failure of the user's: its token goes back. */
    @Test
    void aCheckRefusedForABusyPoolCostsTheUserNothing() throws Exception {
        java.util.concurrent.CountDownLatch checking = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AuthenticationProvider slow = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                checking.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return bcrypt.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        PasswordChecks busy = new PasswordChecks(1, 1);
        CachedCredentials cached = new CachedCredentials(slow, limits(100, 1), busy, Duration.ofMinutes(5), 100);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = callers.submit(() -> cached.authenticate(attempt("a", "rätt lösenord", "192.0.2.1")));
            checking.await();
            var second = callers.submit(() -> cached.authenticate(attempt("b", "rätt lösenord", "192.0.2.2")));
            org.awaitility.Awaitility.await().until(() -> busy.waiting() == 1);
            assertThatThrownBy(() -> cached.authenticate(attempt("kansli", "rätt lösenord", "192.0.2.3")))
                    .isInstanceOf(TooManySignIns.class)
                    .hasMessageContaining("at once");
            release.countDown();
            first.get();
            second.get();
            assertThat(cached.authenticate(attempt("kansli", "rätt lösenord", "192.0.2.3"))
                            .isAuthenticated())
                    .as("kansli's only token was given back")
                    .isTrue();
        } finally {
            callers.shutdownNow();
            busy.shutdown();
        }
    }
}
