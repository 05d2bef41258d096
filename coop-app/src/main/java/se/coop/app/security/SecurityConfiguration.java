package se.coop.app.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import se.coop.api.ErrorCode;
import se.coop.api.Origin;
import se.coop.api.PartyId;
import se.coop.app.start.StartRefused;
import se.coop.app.web.ProblemResponses;
import se.coop.query.web.UserEmails;
import se.coop.web.UploadForms;

/**
 * Roles per endpoint as docs/api.md says. Without configured users or an OIDC issuer, Coop uses the four built-in users
 * (each with its name as password) — but only while it listens on a loopback address; anywhere else it refuses to
 * start rather than expose those defaults.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private static final String S = Role.SECRETARIAT.name();
    private static final String A = Role.AUDITOR.name();
    private static final String R = Role.REVIEWER.name();
    private static final String O = Role.OPERATOR.name();

    /** The paths of the HTTP API and the machines' endpoints: stateless, no session, no CSRF. */
    /** The pages' Content-Security-Policy (docs/deploying.md). */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    static final String[] API_PATHS = {
        "/api/**",
        "/open/**",
        "/actuator",
        "/actuator/**",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/error"
    };

    /**
     * No observation of Spring Security's own steps (each filter of the chain, each authorization): they took about 5 %
     * of Coop's CPU under commands (docs/performance.md). Each request is still observed whole
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** One password check for the API and the pages: the same users, cache and limits on failed sign-ins. */
    @Bean
    PasswordCheck passwordCheck(
            UserDetailsService users, SecurityProperties properties, PasswordChecks passwordChecks) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return new PasswordCheck(new CachedCredentials(
                passwords,
                name -> exists(users, name),
                new FailedSignIns(properties.signIns()),
                passwordChecks,
                properties.signIns().remember(),
                10_000));
    }

    private static boolean exists(UserDetailsService users, String name) {
        try {
            return users.loadUserByUsername(name) != null;
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
            return false;
        }
    }

    /**
     * The shared password check, held rather than exposed as an AuthenticationProvider bean, which Spring Security
     * would also make its global default.
     */
    record PasswordCheck(CachedCredentials provider) {}

    @Bean
    @Order(1)
    SecurityFilterChain coopSecurity(
            HttpSecurity http,
            ProblemResponses problems,
            SecurityProperties properties,
            ObjectProvider<JwtDecoder> jwtDecoder,
            PasswordCheck passwordCheck,
            SlowRefusals slowRefusals)
            throws Exception {
        AuthenticationEntryPoint loginRequired = (request, response, e) -> {
            if (e instanceof TooManySignIns tooMany) {
                slowRefusals.refuse(request, response, tooMany);
                return;
            }
            SlowRefusals.Answer unauthenticated = answer -> {
                answer.setHeader("WWW-Authenticate", "Basic realm=\"coop\"");
                problems.write(answer, ErrorCode.UNAUTHENTICATED, "Log in to use Coop (HTTP Basic or a bearer token).");
            };
            // every refused password — a wrong one or a name that does not exist — is answered the same way, after
            // the request went asynchronous, so that not even the order of the answer's headers tells them apart
            long after = e instanceof AnsweredLater later
                    ? Math.max(1, later.afterNanos())
                    : e instanceof BadCredentialsException ? 1 : 0;
            slowRefusals.later(request, response, after, unauthenticated);
        };
        http.securityMatcher(API_PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .withObjectPostProcessor(eagerHeaders()))
                .authenticationManager(new ProviderManager(passwordCheck.provider()))
                .authorizeHttpRequests(auth -> auth.requestMatchers(reads("/actuator/health", "/actuator/health/**"))
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers("/actuator/**", "/api/v1/admin/**")
                        .hasRole(O)
                        .requestMatchers(reads("/api/v1/calendar/*.ics"))
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/calendar/feeds")
                        .hasAnyRole(S, R)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/calendar/feeds/*")
                        .hasAnyRole(S, O)
                        .requestMatchers(reads("/api/v1/calendar/feeds"))
                        .hasAnyRole(S, O)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(reads("/api/v1/audit/keys"))
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoints")
                        .hasRole(O)
                        .requestMatchers(reads("/api/v1/audit/checkpoints/*/store-extract"))
                        .hasRole(A)
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoints/*/verifications")
                        .hasAnyRole(A, O)
                        .requestMatchers(reads(
                                "/api/v1/audit/checkpoints",
                                "/api/v1/audit/checkpoints/*",
                                "/api/v1/audit/checkpoints/*/verifications/*"))
                        .hasAnyRole(A, O)
                        .requestMatchers(HttpMethod.POST, "/api/v1/parties")
                        .hasAnyRole(S, O)
                        .requestMatchers(reads("/api/v1/parties", "/api/v1/parties/*"))
                        .hasAnyRole(S, A, R, O)
                        .requestMatchers(reads("/api/v1/contacts"))
                        .hasAnyRole(S, O)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/contacts/*")
                        .hasRole(S)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/contacts/*")
                        .hasAnyRole(S, O)
                        .requestMatchers(HttpMethod.POST, "/api/v1/documents")
                        .hasRole(S)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/documents/*")
                        .hasRole(S)
                        .requestMatchers(HttpMethod.POST, "/api/v1/documents/*/culling")
                        .hasRole(O)
                        // who may read which document is the document store's rule (DocumentAccess): by the agreements
                        // that name it
                        .requestMatchers(reads("/api/v1/documents/*", "/api/v1/documents/*/content"))
                        .hasAnyRole(S, A, R, O)
                        .requestMatchers(reads("/api/v1/agreements/*/proof"))
                        .hasRole(A)
                        .requestMatchers(HttpMethod.POST, "/api/v1/agreements", "/api/v1/agreements/**")
                        .hasRole(S)
                        .requestMatchers(reads(
                                "/api/v1/agreements/*/events",
                                "/api/v1/agreements/*/verification",
                                "/api/v1/agreements/*/dossier"))
                        .hasRole(A)
                        .requestMatchers(reads("/api/v1/agreements/*/archive-package"))
                        .hasAnyRole(A, O)
                        // a reader's own extracts made in the background (ExtractJobs answers only its reader)
                        .requestMatchers("/api/v1/extracts", "/api/v1/extracts/**")
                        .hasAnyRole(A, O)
                        .requestMatchers(reads("/api/v1/webhooks/public-key"))
                        .permitAll()
                        // the open register: anonymous and read-only (404 everywhere unless coop.open-data.enabled)
                        .requestMatchers(reads("/open/**"))
                        .permitAll()
                        .requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**")
                        .hasAnyRole(S, O)
                        .requestMatchers(reads("/api/v1/agreements/*/history"))
                        .hasAnyRole(S, A)
                        .requestMatchers(reads(
                                "/api/v1/agreements",
                                "/api/v1/agreements/*",
                                "/api/v1/agreements/*/links",
                                "/api/v1/agreements/*/documents",
                                "/api/v1/reviews",
                                "/api/v1/reviews/**",
                                "/api/v1/reminders"))
                        .hasAnyRole(S, A, R)
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.realmName("coop").authenticationEntryPoint(loginRequired))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(loginRequired)
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                response, ErrorCode.FORBIDDEN, "Your role does not allow this request.")));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
            tokens.setJwtAuthenticationConverter(rolesFromClaim(properties.rolesClaim(), properties.partiesClaim()));
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokens)))
                    .authenticationEntryPoint((request, response, e) -> {
                        response.setHeader("WWW-Authenticate", "Bearer");
                        problems.write(response, ErrorCode.UNAUTHENTICATED, "The bearer token is not valid.");
                    }));
        }
        return http.build();
    }

    /**
     * Coop's pages: a sign-in form (or the OIDC issuer's, when one is configured) with a session and CSRF protection.
     * What each page may show or do is asked of the API's rules above (the pages send the API's requests).
     */
    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(
            HttpSecurity http,
            PasswordCheck passwordCheck,
            SlowRefusals slowRefusals,
            SecurityProperties properties,
            ObjectProvider<ClientRegistrationRepository> issuers)
            throws Exception {
        // a provider, not a manager of its own: the OIDC sign-in adds its providers beside it; and no parent manager,
        // which would check a refused password once more, past the limits on failed sign-ins
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        http.authenticationProvider(passwordCheck.provider())
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/accessibility",
                                "/css/**",
                                "/js/forms.js",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/form-expired",
                                UploadForms.TOO_LARGE,
                                UploadForms.FORBIDDEN,
                                UploadForms.FORM_TOO_LARGE)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new UploadsNeedSignIn(), CsrfFilter.class)
                .formLogin(form -> form.loginPage("/login").failureHandler((request, response, e) -> {
                    // a name that does not exist is answered as late as a password check would be (decisions/0009)
                    slowRefusals.later(
                            request,
                            response,
                            e instanceof AnsweredLater later
                                    ? Math.max(1, later.afterNanos())
                                    : e instanceof BadCredentialsException ? 1 : 0,
                            answer -> answer.sendRedirect(request.getContextPath() + "/login?error"));
                }))
                // the pages run no inline script or style: everything comes from Coop itself; no page may be framed,
                // and no address of Coop (an agreement's id in it) is sent to another site as a referrer
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .withObjectPostProcessor(eagerHeaders()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // a form whose CSRF token is missing or stale gets a page saying so, not the API's JSON
                .exceptionHandling(handling -> handling.accessDeniedHandler(formExpired()));
        if (issuers.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .failureHandler((request, response, e) -> {
                        // the person sees "sign-in failed"; why is for the operator
                        log.warn("Sign-in through the OIDC issuer failed: {}", e.getMessage());
                        response.sendRedirect(request.getContextPath() + "/login?error");
                    })
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(
                            rolesFromOidc(properties.rolesClaim(), properties.partiesClaim()))));
        }
        return http.build();
    }

    /**
     * The security headers written before the request is handled, not when its answer is committed: an answer written
     * later (a refused sign-in answered after a pause, {@link SlowRefusals}) carries them in the same place as one
     * written at once, so that not even the order of its headers tells one refusal from another.
     */
    private static org.springframework.security.config.ObjectPostProcessor<
                    org.springframework.security.web.header.HeaderWriterFilter>
            eagerHeaders() {
        return new org.springframework.security.config.ObjectPostProcessor<>() {
            @Override
            public <O extends org.springframework.security.web.header.HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        };
    }

    private static AccessDeniedHandlerImpl formExpired() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage("/form-expired");
        return handler;
    }

    /** The roles and parties of an OIDC sign-in, from the same claims as a bearer token's. */
    static GrantedAuthoritiesMapper rolesFromOidc(String claim, String partiesClaim) {
        return authorities -> {
            Set<GrantedAuthority> roles = new LinkedHashSet<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    roles.addAll(roles(oidc.getIdToken().getClaims().get(claim)));
                    roles.addAll(parties(oidc.getIdToken().getClaims().get(partiesClaim)));
                    if (oidc.getUserInfo() != null) {
                        roles.addAll(roles(oidc.getUserInfo().getClaims().get(claim)));
                        roles.addAll(parties(oidc.getUserInfo().getClaims().get(partiesClaim)));
                    }
                }
            }
            return roles;
        };
    }

    /** A configured user's e-mail, or the e-mail claim of an OIDC sign-in or a bearer token. */
    @Bean
    UserEmails userEmails(
            SecurityProperties properties,
            ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<ClientRegistrationRepository> issuers) {
        // the built-in users are the demo's: the reviewer is the one the demo's planned meeting invites, so "my
        // meetings" shows it out of the box
        Map<String, String> configured =
                new HashMap<>(builtIn(properties, jwtDecoder, issuers) ? BUILT_IN_EMAILS : Map.of());
        for (SecurityProperties.User user : properties.users()) {
            if (user.name() != null && user.email() != null && !user.email().isBlank()) {
                configured.put(user.name(), user.email().strip());
            }
        }
        return user -> {
            if (user.getPrincipal() instanceof OidcUser oidc && oidc.getEmail() != null) {
                return Optional.of(oidc.getEmail());
            }
            if (user instanceof JwtAuthenticationToken token && token.getToken().getClaimAsString("email") != null) {
                return Optional.of(token.getToken().getClaimAsString("email"));
            }
            return Optional.ofNullable(configured.get(user.getName()));
        };
    }

    @Bean(destroyMethod = "shutdown")
    SlowRefusals slowRefusals(ProblemResponses problems, SecurityProperties properties) {
        return new SlowRefusals(problems, properties.signIns().refusalPause());
    }

    @Bean(destroyMethod = "shutdown")
    PasswordChecks passwordChecks(SecurityProperties properties) {
        return new PasswordChecks(
                properties.signIns().checkThreads(), properties.signIns().checkQueue());
    }

    /** GET and HEAD of the same paths: a HEAD is allowed wherever the GET is (RFC 9110). */
    private static RequestMatcher[] reads(String... patterns) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pattern));
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, pattern));
        }
        return matchers.toArray(RequestMatcher[]::new);
    }

    /**
     * Addresses the firewall refuses ({@code //}, {@code ..;}, an encoded {@code .}) are the client's mistake: 400
     * {@code MALFORMED_REQUEST} for everyone, signed in or not, logged at DEBUG only.
     */
    @Bean
    RequestRejectedHandler malformedAddresses(ProblemResponses problems) {
        return (request, response, rejected) -> {
            log.debug(
                    "Refused the address of {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    rejected.getMessage());
            problems.write(
                    response,
                    ErrorCode.MALFORMED_REQUEST,
                    "The request's address is not one Coop accepts: it holds '//', '..', ';' or an encoded '.', '/' or"
                            + " '%'.");
        };
    }

    /**
     * The built-in users' addresses: those the demo data names (coop-command's demo/003-halmstad.json invites Halmstad's
     * kommundirektör to the planned annual update; the secretariat is Halmstad's, whose agreements the demo leads).
     */
    static final Map<String, String> BUILT_IN_EMAILS = Map.of(
            "reviewer", "kommundirektor@halmstad.example.org",
            "secretariat", "kansli@halmstad.example.org");

    @Bean
    UserDetailsService users(
            SecurityProperties properties,
            ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<ClientRegistrationRepository> issuers,
            @Value("${server.address:}") String serverAddress) {
        if (!properties.users().isEmpty()) {
            return new InMemoryUserDetailsManager(properties.users().stream()
                    .map(SecurityConfiguration::configured)
                    .toList());
        }
        if (!builtIn(properties, jwtDecoder, issuers)) {
            return new InMemoryUserDetailsManager();
        }
        if (!isLoopback(serverAddress)) {
            throw new StartRefused(
                    "Coop refuses to start with its built-in users (each one's password is its name) while listening"
                            + " on " + (serverAddress.isBlank() ? "all addresses" : "'" + serverAddress + "'") + ".",
                    "Configure coop.security.users (with bcrypt hashes) or an OIDC issuer"
                            + " (spring.security.oauth2.resourceserver.jwt.issuer-uri), or listen on 127.0.0.1 only"
                            + " (SERVER_ADDRESS=127.0.0.1).");
        }
        log.info(
                "Built-in local users secretariat, auditor, reviewer and operator (password = name), on {} only",
                serverAddress);
        List<UserDetails> local = new ArrayList<>();
        for (Role role : Role.values()) {
            String name = role.name().toLowerCase(Locale.ROOT);
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
            if (BUILT_IN_EMAILS.containsKey(name)) {
                // the demo's secretariat and reviewer are Halmstad's, as their addresses are
                authorities.add(new SimpleGrantedAuthority(Origin.PARTY_AUTHORITY + "halmstad"));
            }
            local.add(User.withUsername(name)
                    .password("{noop}" + name)
                    .authorities(authorities)
                    .build());
        }
        return new InMemoryUserDetailsManager(local);
    }

    /** Whether Coop signs people in as its built-in users: no users configured and no OIDC issuer. */
    private static boolean builtIn(
            SecurityProperties properties,
            ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<ClientRegistrationRepository> issuers) {
        return properties.users().isEmpty() && jwtDecoder.getIfAvailable() == null && issuers.getIfAvailable() == null;
    }

    private static String role(SecurityProperties.User user, String role) {
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new StartRefused(
                    "'" + user.name() + "' in coop.security.users has a role Coop does not know: '" + role + "'.",
                    "Use " + Arrays.toString(Role.values()) + ".");
        }
    }

    private static UserDetails configured(SecurityProperties.User user) {
        if (user.name() == null || user.name().isBlank()) {
            throw new StartRefused("A user in coop.security.users has no name.", "Give every user a name.");
        }
        String hash = user.password() == null ? "" : user.password().replaceFirst("^\\{bcrypt}", "");
        if (!BCRYPT.matcher(hash).matches()) {
            throw new StartRefused(
                    "The password of '" + user.name() + "' in coop.security.users is not a bcrypt hash.",
                    "Give its bcrypt hash, e.g. from `htpasswd -bnBC 12 \"\" secret | tr -d ':'`.");
        }
        if (user.roles() == null || user.roles().isEmpty()) {
            throw new StartRefused(
                    "'" + user.name() + "' in coop.security.users has no role.",
                    "Give it one or more of " + Arrays.toString(Role.values()) + ".");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role(user, r))));
        for (String party : user.parties()) {
            if (party == null || !PartyId.isId(party.strip())) {
                throw new StartRefused(
                        "'" + user.name() + "' in coop.security.users belongs to a party whose id is not one: '" + party
                                + "'.",
                        "Name each party by its id, e.g. halmstad (" + PartyId.STRICT_FORM + ").");
            }
            authorities.add(new SimpleGrantedAuthority(Origin.PARTY_AUTHORITY + party.strip()));
        }
        return User.withUsername(user.name())
                .password("{bcrypt}" + hash)
                .authorities(authorities)
                .build();
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Coop's roles named by a claim's value: a list, or text separated by spaces or commas; others are ignored. */
    static List<GrantedAuthority> roles(Object value) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = value instanceof Collection<?> list
                ? list.stream().map(String::valueOf).toList()
                : value == null ? List.of() : List.of(String.valueOf(value).split("[\\s,]+"));
        for (String role : roles) {
            String upper = role.strip().toUpperCase(Locale.ROOT);
            for (Role known : Role.values()) {
                if (known.name().equals(upper)) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + upper));
                }
            }
        }
        return authorities;
    }

    /** The parties a claim's value names: a list, or text separated by spaces or commas; what is no party id is ignored. */
    static List<GrantedAuthority> parties(Object value) {
        List<String> named = value instanceof Collection<?> list
                ? list.stream().map(String::valueOf).toList()
                : value == null ? List.of() : List.of(String.valueOf(value).split("[\\s,]+"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String party : named) {
            if (PartyId.isId(party.strip())) {
                authorities.add(new SimpleGrantedAuthority(Origin.PARTY_AUTHORITY + party.strip()));
            }
        }
        return authorities;
    }

    /**
     * Roles from a configurable JWT claim (a list, or space-separated text, of SECRETARIAT, AUDITOR, …) and the parties
     * the user belongs to from another ({@code coop.security.parties-claim}, default {@code coop_parties}).
     */
    static Converter<Jwt, AbstractAuthenticationToken> rolesFromClaim(String claim, String partiesClaim) {
        return jwt -> {
            Collection<GrantedAuthority> authorities =
                    new ArrayList<>(roles(jwt.getClaims().get(claim)));
            authorities.addAll(parties(jwt.getClaims().get(partiesClaim)));
            String name = jwt.getClaimAsString("preferred_username");
            return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name);
        };
    }
}
