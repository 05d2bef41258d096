package se.coop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void quickRunIsSmallAndShort() {
        Options options = Options.parse(new String[] {"--coop-jar", "coop.jar", "--quick"});
        assertThat(options.coopJar()).isEqualTo(Path.of("coop.jar"));
        assertThat(options.agreements()).isEqualTo(3_000);
        assertThat(options.seconds()).isEqualTo(6);
        assertThat(options.concurrency()).containsExactly(1, 4);
    }

    @Test
    void fullRunHasAHundredThousandAgreementsOrMore() {
        Options options = Options.parse(new String[] {"--coop-jar", "coop.jar"});
        assertThat(options.agreements()).isGreaterThanOrEqualTo(100_000);
        assertThat(options.concurrency()).contains(1, 32);
    }

    @Test
    void explicitValuesWin() {
        Options options = Options.parse(new String[] {
            "--coop-jar", "coop.jar", "--quick", "--concurrency", "2, 8", "--agreements", "10", "--seconds", "1"
        });
        assertThat(options.concurrency()).isEqualTo(List.of(2, 8));
        assertThat(options.agreements()).isEqualTo(10);
        assertThat(options.seconds()).isEqualTo(1);
    }

    @Test
    void eachPartCanRunAlone() {
        assertThat(Options.parse(new String[] {"--coop-jar", "c.jar", "--reads-only"})
                        .readsOnly())
                .isTrue();
        assertThat(Options.parse(new String[] {"--coop-jar", "c.jar", "--extracts-only"})
                        .extractsOnly())
                .isTrue();
        assertThat(Options.parse(new String[] {"--coop-jar", "c.jar", "--commands-only"})
                        .commandsOnly())
                .isTrue();
        Options all = Options.parse(new String[] {"--coop-jar", "c.jar"});
        assertThat(all.readsOnly() || all.extractsOnly() || all.commandsOnly()).isFalse();
    }

    @Test
    void aRunningCoopNeedsItsDatabase() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--coop-url", "http://127.0.0.1:8080"}))
                .hasMessageContaining("--jdbc-url");
        assertThatThrownBy(() -> Options.parse(new String[] {})).hasMessageContaining("--coop-jar");
        assertThatThrownBy(() -> Options.parse(new String[] {"--coop-jar", "x", "--bogus"}))
                .hasMessageContaining("--bogus");
    }
}
