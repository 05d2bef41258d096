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
        return limits(perAddress, perUser, 100);
    }

    private FailedSignIns limits(int perAddress, int perUser, int perUserTotal) {
        return new FailedSignIns(new SecurityProperties.SignIns(
                perAddress,
                NEVER_REFILLED,
                perUser,
                NEVER_REFILLED,
                perUserTotal,
                NEVER_REFILLED,
                Duration.ofDays(30),
                1,
                4,
                Duration.ZERO,
                Duration.ofMinutes(5)));
    }

    /** The users that exist: every name but those beginning "okänd". */
    private static boolean exists(String name) {
        return !name.startsWith("okänd");
    }

    private CachedCredentials cached(Duration fresh) {
        return new CachedCredentials(bcrypt, CachedCredentialsTest::exists, limits(100, 100), pool, fresh, 100);
    }

    private CachedCredentials cached(FailedSignIns limits, PasswordChecks checks) {
        return new CachedCredentials(bcrypt, CachedCredentialsTest::exists, limits, checks, Duration.ofMinutes(5), 100);
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
        CachedCredentials cached = cached(limits(100, 3, 3), pool);
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
        CachedCredentials cached = cached(limits(2, 100), pool);
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
        CachedCredentials cached = cached(limits(100, 1), pool);
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

    /**
     * Issue 28, finding 3: twelve wrong sign-ins as OPERATOR from one address, then the right password from another
     * address failed. Failures for a name count per network: guessing from elsewhere cannot lock a user out where
     * they sign in; and where they signed in before, not even guessing spread over many networks can.
     */
    @Test
    void failuresFromOneAddressDoNotLockTheUserOutElsewhere() {
        CachedCredentials cached = cached(limits(100, 10, 30), pool);
        for (int i = 0; i < 12; i++) {
            try {
                cached.authenticate(attempt("operator", "fel", "198.51.100.66"));
            } catch (BadCredentialsException | TooManySignIns refused) {
                // refused, as it should be
            }
        }
        assertThatThrownBy(() -> cached.authenticate(attempt("operator", "rätt lösenord", "198.51.100.66")))
                .as("the guessing address is held back")
                .isInstanceOf(TooManySignIns.class);
        assertThat(cached.authenticate(attempt("operator", "rätt lösenord", "192.0.2.10"))
                        .isAuthenticated())
                .as("another address is not")
                .isTrue();
    }

    @Test
    void guessingSpreadOverManyNetworksIsHeldBackButNotWhereTheUserSignedInBefore() {
        CachedCredentials cached = new CachedCredentials(
                bcrypt, CachedCredentialsTest::exists, limits(100, 10, 5), pool, Duration.ZERO, 100);
        assertThat(cached.authenticate(attempt("kansli", "rätt lösenord", "2001:db8:1:2::7"))
                        .isAuthenticated())
                .isTrue();
        for (int i = 0; i < 5; i++) {
            String address = "203.0.113." + (10 + i);
            assertThatThrownBy(() -> cached.authenticate(attempt("kansli", "fel", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> cached.authenticate(attempt("kansli", "rätt lösenord", "203.0.113.99")))
                .as("a network where kansli never signed in is held to the allowance across networks")
                .isInstanceOf(TooManySignIns.class);
        assertThat(cached.authenticate(attempt("kansli", "rätt lösenord", "2001:db8:1:2::8"))
                        .isAuthenticated())
                .as("the /64 kansli signed in from before is not")
                .isTrue();
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        assertThat(FailedSignIns.network("2001:db8:1:2:aaaa::1"))
                .isEqualTo(FailedSignIns.network("2001:db8:1:2::ffff"));
        assertThat(FailedSignIns.network("2001:db8:1:3::1")).isNotEqualTo(FailedSignIns.network("2001:db8:1:2::1"));
        assertThat(FailedSignIns.network("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(FailedSignIns.network("not-an-address")).isEqualTo("not-an-address");
        CachedCredentials cached = cached(limits(2, 100), pool);
        for (String address : new String[] {"2001:db8:9:9::1", "2001:db8:9:9::2"}) {
            assertThatThrownBy(() -> cached.authenticate(attempt("x", "fel", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> cached.authenticate(attempt("y", "rätt lösenord", "2001:db8:9:9:1:2:3:4")))
                .isInstanceOf(TooManySignIns.class);
    }

    /**
     * Issue 28, finding 2: unknown user names from many addresses filled the one password-check thread, and nobody
     * could sign in. A name that does not exist costs no check: it is refused at once, to be answered as late as a
     * check on the ordinary lane took (drawn from the recent ones), so that its answer's time says nothing either.
     */
    @Test
    void aNameThatDoesNotExistCostsNoCheckAndIsAnsweredAsLateAsACheckWould() {
        CachedCredentials cached = cached(limits(100, 100), pool);
        assertThatThrownBy(() -> cached.authenticate(attempt("kansli", "fel", "192.0.2.50")))
                .isInstanceOf(BadCredentialsException.class);
        int before = checks.get();
        for (int i = 0; i < 1000; i++) {
            String address = "10." + (i / 250) + "." + (i % 250) + ".1";
            String name = "okänd-" + i;
            assertThatThrownBy(() -> cached.authenticate(attempt(name, "gissning", address)))
                    .isInstanceOf(AnsweredLater.class)
                    .isInstanceOf(BadCredentialsException.class)
                    .satisfies(e -> assertThat(((AnsweredLater) e).afterNanos()).isPositive());
        }
        assertThat(checks.get()).isEqualTo(before);
        assertThat(pool.waiting()).isZero();
        assertThat(cached.authenticate(attempt("kansli", "rätt lösenord", "192.0.2.51"))
                        .isAuthenticated())
                .isTrue();
    }

    @Test
    void aNameThatDoesNotExistIsHeldToTheSameLimitsAsOneThatDoes() {
        CachedCredentials cached = cached(limits(100, 2, 100), pool);
        for (String name : new String[] {"kansli", "okänd"}) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> cached.authenticate(attempt(name, "fel", "192.0.2.60")))
                        .isInstanceOf(BadCredentialsException.class);
            }
            assertThatThrownBy(() -> cached.authenticate(attempt(name, "fel", "192.0.2.60")))
                    .as(name)
                    .isInstanceOf(TooManySignIns.class)
                    .hasMessage("Too many failed sign-ins for this user name; try again in 3600 s.");
        }
    }

    /** A user signing in where they signed in before is checked on a lane of its own, past a full ordinary queue. */
    @Test
    void whereTheUserSignedInBeforeTheCheckGoesPastAFullQueue() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch checking = new java.util.concurrent.CountDownLatch(1);
        AuthenticationProvider held = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                if (authentication.getName().startsWith("gäst")) {
                    checking.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return bcrypt.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        PasswordChecks lanes = new PasswordChecks(1, 1);
        CachedCredentials cached =
                new CachedCredentials(held, CachedCredentialsTest::exists, limits(100, 100), lanes, Duration.ZERO, 100);
        assertThat(cached.authenticate(attempt("kansli", "rätt lösenord", "192.0.2.70"))
                        .isAuthenticated())
                .isTrue();
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            callers.submit(() -> cached.authenticate(attempt("gäst1", "rätt lösenord", "192.0.2.71")));
            // the lane's one thread holds the first check before the second comes: else the second may find the
            // first still in the queue, the queue full, and be refused
            assertThat(checking.await(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            callers.submit(() -> cached.authenticate(attempt("gäst2", "rätt lösenord", "192.0.2.72")));
            org.awaitility.Awaitility.await().until(() -> lanes.waiting() == 1);
            assertThatThrownBy(() -> cached.authenticate(attempt("revisor", "rätt lösenord", "192.0.2.73")))
                    .as("a first sign-in waits in the ordinary lane, which is full")
                    .isInstanceOf(TooManySignIns.class);
            assertThat(cached.authenticate(attempt("kansli", "rätt lösenord", "192.0.2.70"))
                            .isAuthenticated())
                    .as("kansli signed in from here before: checked at once")
                    .isTrue();
        } finally {
            release.countDown();
            callers.shutdownNow();
            lanes.shutdown();
        }
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
        CachedCredentials cached = new CachedCredentials(
                slow, CachedCredentialsTest::exists, limits(100, 1), busy, Duration.ofMinutes(5), 100);
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
