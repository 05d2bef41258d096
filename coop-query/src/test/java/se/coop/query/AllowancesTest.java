package se.coop.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AllowancesTest {

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anAskerHasItsBurstThenOneMoreEachPeriodAndIsToldHowLongToWait() {
        Moving clock = new Moving();
        Allowances allowances = new Allowances(3, Duration.ofSeconds(20), clock);
        assertThat(allowances.take("a")).isZero();
        assertThat(allowances.take("a")).isZero();
        assertThat(allowances.take("a")).isZero();
        assertThat(allowances.take("a")).isEqualTo(20);
        assertThat(allowances.take("b")).as("another asker has its own").isZero();
        clock.now = clock.now.plusSeconds(5);
        assertThat(allowances.take("a")).isEqualTo(15);
        clock.now = clock.now.plusSeconds(15);
        assertThat(allowances.take("a")).isZero();
        assertThat(allowances.take("a")).isEqualTo(20);
    }

    @Test
    void aPeriodShorterThanAMillisecondStillRefills() {
        Moving clock = new Moving();
        Allowances allowances = new Allowances(100_000, Duration.ofMinutes(1).dividedBy(100_000), clock);
        for (int i = 0; i < 1000; i++) {
            assertThat(allowances.take("a")).isZero();
        }
        clock.now = clock.now.plusMillis(1);
        assertThat(allowances.take("a")).isZero();
    }
}
