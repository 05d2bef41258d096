package se.coop.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.coop.app.CoopApplication;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.TestClockConfiguration;
import se.coop.app.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/** A deployment with configured bcrypt users and an OIDC issuer's JWTs: no built-in users, roles from a claim. */
@SpringBootTest(classes = CoopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class ConfiguredSecurityTest {

    private static final KeyPair ISSUER_KEY = rsaKeyPair();
    private static final String KANSLI_HASH = new BCryptPasswordEncoder(4).encode("kansli-lösenord");

    @LocalServerPort
    int port;

    private Api api;

    @DynamicPropertySource
    static void configuredDeployment(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("secured"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("coop.security.users[0].name", () -> "kansli");
        registry.add("coop.security.users[0].password", () -> KANSLI_HASH);
        registry.add("coop.security.users[0].roles[0]", () -> "SECRETARIAT");
        registry.add("coop.security.users[0].parties[0]", () -> "laholm");
        registry.add("coop.security.roles-claim", () -> "coop_roles");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> publicKeyFile());
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void aConfiguredBcryptUserIssuesCommands() {
        assertThat(api.withPassword("kansli", "kansli-lösenord")
                        .post("/api/v1/agreements", Bodies.halmstadDraft())
                        .status())
                .isEqualTo(201);
        assertThat(api.withPassword("kansli", "fel")
                        .post("/api/v1/agreements", Bodies.halmstadDraft())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theBuiltInLocalUsersDoNotExistHere() {
        assertThat(api.as("secretariat")
                        .post("/api/v1/agreements", Bodies.halmstadDraft())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aTokenWithTheSecretariatRoleInTheConfiguredClaimIssuesCommands() {
        Api.Answer answer = api.bearer(token("sekreterare@example.org", List.of("SECRETARIAT"), 3600))
                .post("/api/v1/agreements", Bodies.halmstadDraft());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    @Test
    void aTokenWithAnotherRoleIs403() {
        Api.Answer answer = api.bearer(token("revisor@example.org", List.of("AUDITOR"), 3600))
                .post("/api/v1/agreements", Bodies.halmstadDraft());
        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void anExpiredOrForeignTokenIs401() {
        assertThat(api.bearer(token("x@example.org", List.of("SECRETARIAT"), -3600))
                        .post("/api/v1/agreements", Bodies.halmstadDraft())
                        .status())
                .isEqualTo(401);
        KeyPair foreign = rsaKeyPair();
        assertThat(api.bearer(sign(claims("x@example.org", List.of("SECRETARIAT"), 3600), foreign))
                        .post("/api/v1/agreements", Bodies.halmstadDraft())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theEventsKeepThePartiesOfTheUserWhoActedFromTheConfigurationOrTheToken() {
        Api.Answer drafted =
                api.withPassword("kansli", "kansli-lösenord").post("/api/v1/agreements", Bodies.halmstadDraft());
        assertThat(drafted.status()).isEqualTo(201);
        String id = drafted.json().path("agreementId").asString();
        String token = sign(
                new JWTClaimsSet.Builder(claims("sekreterare@example.org", List.of("SECRETARIAT"), 3600))
                        .claim("coop_parties", List.of("hylte", "not an id!"))
                        .build(),
                ISSUER_KEY);
        assertThat(api.bearer(token)
                        .post("/api/v1/agreements/" + id + "/submission", "{}")
                        .status())
                .isEqualTo(200);
        String auditor = sign(claims("revisor@example.org", List.of("AUDITOR"), 3600), ISSUER_KEY);
        JsonNode events = api.bearer(auditor)
                .get("/api/v1/agreements/" + id + "/events")
                .json()
                .path("events");
        assertThat(events.get(0).path("metadata").path("actorParties").asString())
                .isEqualTo("laholm");
        assertThat(events.get(1).path("metadata").path("actorParties").asString())
                .isEqualTo("hylte");
        assertThat(events.get(1).path("metadata").path("actor").asString()).isEqualTo("sekreterare@example.org");
    }

    private static String token(String user, List<String> roles, long secondsValid) {
        return sign(claims(user, roles, secondsValid), ISSUER_KEY);
    }

    private static JWTClaimsSet claims(String user, List<String> roles, long secondsValid) {
        Date now = new Date();
        return new JWTClaimsSet.Builder()
                .subject(user)
                .claim("preferred_username", user)
                .claim("coop_roles", roles)
                .issueTime(new Date(now.getTime() - Math.abs(secondsValid) * 2000))
                .expirationTime(new Date(now.getTime() + secondsValid * 1000))
                .build();
    }

    private static String sign(JWTClaimsSet claims, KeyPair key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyFile() {
        try {
            Path file = Files.createTempFile("coop-issuer", ".pub");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(ISSUER_KEY.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
