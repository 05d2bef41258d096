package se.coop.app.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.test.context.support.TestPropertySourceUtils;
import se.coop.app.CoopApplication;
import se.coop.app.support.TestClockConfiguration;
import se.coop.app.support.TestDatabase;

/**
 * A start Coop refuses says why in one sentence and what to do, instead of an exception five bean creations deep:
 * Spring Boot finds {@link StartRefusalAnalyzer} where it looks for failure analyzers and prints its analysis alone.
 */
class StartRefusalsTest {

    private static Throwable start(String... args) {
        return catchThrowable(() -> new SpringApplicationBuilder(CoopApplication.class, TestClockConfiguration.class)
                .run(args)
                .close());
    }

    /** The analysis Spring Boot prints for the failure: by the analyzers it loads, as it loads them. */
    private static FailureAnalysis analysis(Throwable failure, String... properties) {
        StandardEnvironment environment = new StandardEnvironment();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, properties);
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(
                        FailureAnalyzer.class,
                        ArgumentResolver.of(Environment.class, environment)
                                .and(BeanFactory.class, new DefaultListableBeanFactory()));
        assertThat(analyzers).hasAtLeastOneElementOfType(StartRefusalAnalyzer.class);
        return analyzers.stream()
                .filter(StartRefusalAnalyzer.class::isInstance)
                .findFirst()
                .orElseThrow()
                .analyze(failure);
    }

    @Test
    void builtInUsersOnEveryAddressAreRefusedInOneSentence() {
        Throwable failure = start(
                "--server.address=0.0.0.0",
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url("refused_users"),
                "--spring.datasource.username=postgres");

        FailureAnalysis analysis = analysis(failure);
        assertThat(analysis.getDescription())
                .isEqualTo("Coop refuses to start with its built-in users (each one's password is its name) while"
                        + " listening on '0.0.0.0'.");
        assertThat(analysis.getAction()).contains("coop.security.users", "SERVER_ADDRESS=127.0.0.1");
    }

    @Test
    void anUnknownNodeRoleIsRefusedInOneSentence() {
        Throwable failure = start(
                "--coop.roles=commands",
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url("refused_roles"),
                "--spring.datasource.username=postgres");

        assertThat(analysis(failure).getDescription())
                .isEqualTo("coop.roles is 'commands', which is not a role of a Coop node.");
    }

    @Test
    void aSigningKeyFileThatCannotBeReadIsNamed(@TempDir Path temp) throws IOException {
        Path notAKey = Files.writeString(temp.resolve("checkpoints.pem"), "not a key");
        Throwable missing = start(
                "--coop.checkpoints.key-file=" + temp.resolve("absent.pem"),
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url("refused_key"),
                "--spring.datasource.username=postgres");
        Throwable garbled = start(
                "--coop.checkpoints.key-file=" + notAKey,
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url("refused_key"),
                "--spring.datasource.username=postgres");

        assertThat(analysis(missing).getDescription())
                .startsWith("coop.checkpoints.key-file " + temp.resolve("absent.pem") + " cannot be read");
        assertThat(analysis(garbled).getDescription())
                .startsWith("coop.checkpoints.key-file " + notAKey + " holds no Ed25519 private key");
        assertThat(analysis(garbled).getAction()).contains("openssl genpkey -algorithm ed25519");
    }

    @Test
    void aDatabaseThatIsNotThereIsNamed() throws IOException {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + free + "/coop";
        Throwable failure = start("--server.port=0", "--spring.datasource.url=" + url);

        FailureAnalysis analysis = analysis(failure, "spring.datasource.url=" + url);
        assertThat(analysis.getDescription()).startsWith("Coop cannot use its database at " + url + ": ");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL", "embedded");
    }

    @Test
    void aDataDirectoryThatCannotBeUsedIsNamed(@TempDir Path temp) throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("data"), "a file, not a directory");
        Throwable failure = start("--server.port=0", "--coop.data-dir=" + notADirectory);

        FailureAnalysis analysis = analysis(failure, "coop.data-dir=" + notADirectory);
        assertThat(analysis.getDescription()).startsWith("Coop cannot use " + notADirectory);
        assertThat(analysis.getAction()).contains("coop.data-dir");
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        StartRefusalAnalyzer analyzer = new StartRefusalAnalyzer(new StandardEnvironment());
        assertThat(analyzer.analyze(new IllegalStateException("something else")))
                .isNull();
        assertThat(analyzer.analyze(new IllegalStateException(
                        "a keystore", new java.nio.file.NoSuchFileException("/etc/somewhere/else.p12"))))
                .as("a file Coop is not configured to use")
                .isNull();
        assertThat(analyzer.analyze(
                        new IllegalStateException("no connection", new java.sql.SQLException("refused", "08001"))))
                .as("the embedded default's database: its own failure, with its stack trace")
                .isNull();
    }

    @Test
    void aPasswordInTheDatabaseAddressIsNotRepeated() {
        assertThat(StartRefusalAnalyzer.withoutSecrets(
                        "jdbc:postgresql://db:5432/coop?user=coop&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/coop?user=coop&password=***&ssl=true");
        assertThat(StartRefusalAnalyzer.withoutSecrets("jdbc:postgresql://coop:s3cret@db/coop"))
                .isEqualTo("jdbc:postgresql://db/coop");
    }
}
