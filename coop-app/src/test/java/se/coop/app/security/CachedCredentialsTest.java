package se.coop.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Successful password checks are remembered briefly; failures never are. */
class CachedCredentialsTest {

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
        CachedCredentials cached = new CachedCredentials(bcrypt, Duration.ofMinutes(5), 100);
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
        CachedCredentials cached = new CachedCredentials(bcrypt, Duration.ZERO, 100);
        cached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("kansli", "rätt lösenord"));
        cached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("kansli", "rätt lösenord"));
        assertThat(checks).hasValue(2);
    }
}
