package se.coop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverAllSamples() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMs(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMs(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMs(100)).isEqualTo(100.0);
        assertThat(latencies.percentileMs(0)).isEqualTo(1.0);
    }

    @Test
    void mergedSamplesCountOnce() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 0; i < 3000; i++) {
            a.add(1_000_000L);
            b.add(3_000_000L);
        }
        a.addAll(b);
        assertThat(a.count()).isEqualTo(6000);
        assertThat(a.percentileMs(50)).isEqualTo(1.0);
        assertThat(a.percentileMs(51)).isEqualTo(3.0);
    }

    @Test
    void noSamplesIsNotANumber() {
        assertThat(new Latencies().percentileMs(99)).isNaN();
    }
}
