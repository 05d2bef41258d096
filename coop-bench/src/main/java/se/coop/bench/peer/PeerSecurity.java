package se.coop.bench.peer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Basic sign-in against bcrypt-hashed passwords, with each successful check remembered under a SHA-256 of user and
 * password (bcrypt runs once per user, as in Coop); no session, no CSRF for an API; health open to a probe.
 */
@Configuration(proxyBeanMethods = false)
class PeerSecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http, UserDetailsService users) throws Exception {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        DaoAuthenticationProvider checked = new DaoAuthenticationProvider(users);
        checked.setPasswordEncoder(encoder);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> {})
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(new ProviderManager(new Cached(checked)))
                .build();
    }

    @Bean
    UserDetailsService users() {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        return new InMemoryUserDetailsManager(
                User.withUsername("secretariat")
                        .password(encoder.encode("secretariat"))
                        .roles("SECRETARIAT")
                        .build(),
                User.withUsername("operator")
                        .password(encoder.encode("operator"))
                        .roles("OPERATOR")
                        .build());
    }

    /** Successful checks, remembered. */
    private static final class Cached implements AuthenticationProvider {

        private final AuthenticationProvider delegate;
        private final Map<String, Authentication> checked = new ConcurrentHashMap<>();

        Cached(AuthenticationProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String key = key(authentication.getName() + ":" + authentication.getCredentials());
            Authentication known = checked.get(key);
            if (known != null) {
                return known;
            }
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated() && checked.size() < 10_000) {
                checked.put(key, result);
            }
            return result;
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return delegate.supports(authentication);
        }

        private static String key(String credentials) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(credentials.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
