package se.coop.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import se.coop.app.CoopApplication;
import se.coop.app.start.StartRefused;
import se.coop.app.support.TestClockConfiguration;
import se.coop.app.support.TestDatabase;

/** The built-in users exist only for the local run: listening anywhere else without configured users fails to start. */
class LocalUsersRefusedTest {

    @Test
    void coopRefusesToStartOnAllAddressesWithItsBuiltInUsers() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CoopApplication.class, TestClockConfiguration.class)
                        .run(
                                "--server.address=0.0.0.0",
                                "--server.port=0",
                                "--spring.datasource.url=" + TestDatabase.url("refused"),
                                "--spring.datasource.username=postgres")
                        .close())
                .hasRootCauseInstanceOf(StartRefused.class)
                .rootCause()
                .hasMessageContaining("refuses to start with its built-in users");
    }

    @Test
    void loopbackAddressesAreLocal() {
        assertThat(SecurityConfiguration.isLoopback("127.0.0.1")).isTrue();
        assertThat(SecurityConfiguration.isLoopback("::1")).isTrue();
        assertThat(SecurityConfiguration.isLoopback("0.0.0.0")).isFalse();
        assertThat(SecurityConfiguration.isLoopback("")).isFalse();
    }
}
