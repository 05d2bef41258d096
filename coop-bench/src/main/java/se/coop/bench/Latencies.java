package se.coop.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, and their percentiles. Thread-safe by synchronisation; recording is cheap. */
final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        long[] theirs;
        int count;
        synchronized (other) {
            theirs = other.samples;
            count = other.size;
        }
        for (int i = 0; i < count; i++) {
            add(theirs[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile (0–100) in milliseconds, or NaN without samples. */
    synchronized double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1_000_000.0;
    }
}
