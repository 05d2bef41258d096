package se.coop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole register as CSV and as Excel, as a secretariat downloads it: the time to the last byte, the size, and
 * Coop's memory while it writes — its heap in use (Micrometer's jvm.memory.used, sampled every 20 ms) and its
 * resident memory, each before the export and at its highest during it. A stream that held every row would show
 * the heap growing with the register; the register as CSV is about 60 MB at 120,000 agreements.
 */
final class Exports {

    /** The heap of the second run, too small for the register's rows (about 2.5 KB each as status views). */
    static final int BOUNDED_HEAP_MIB = 256;

    /**
     * One export: the maximum heap Coop ran with (null: the JVM's default), rows (CSV) or -1, bytes, seconds, and
     * memory in MiB before and at the peak.
     */
    record Result(
            Integer maxHeapMiB,
            String format,
            long rows,
            long bytes,
            double seconds,
            long heapBeforeMiB,
            long heapPeakMiB,
            long rssBeforeMiB,
            long rssPeakMiB) {}

    private Exports() {}

    static List<Result> run(Http secretariat, Http operator, CoopProcess coop, Integer maxHeapMiB)
            throws InterruptedException {
        List<Result> results = new ArrayList<>();
        for (String format : List.of("csv", "xlsx")) {
            results.add(export(secretariat, operator, coop, format, maxHeapMiB));
        }
        return results;
    }

    private static Result export(Http secretariat, Http operator, CoopProcess coop, String format, Integer maxHeapMiB)
            throws InterruptedException {
        long heapBefore = heapMiB(operator);
        long rssBefore = coop == null ? -1 : coop.residentMiB()[0];
        AtomicLong heapPeak = new AtomicLong(heapBefore);
        AtomicLong rssPeak = new AtomicLong(rssBefore);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                heapPeak.accumulateAndGet(heapMiB(operator), Math::max);
                if (coop != null) {
                    rssPeak.accumulateAndGet(coop.residentMiB()[0], Math::max);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        AtomicLong bytes = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        long start = System.nanoTime();
        int status = secretariat.stream("/api/v1/agreements/export?format=" + format, in -> count(in, bytes, lines));
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        sampler.join();
        if (status != 200) {
            throw new IllegalStateException("the " + format + " export answered " + status);
        }
        return new Result(
                maxHeapMiB,
                format,
                format.equals("csv") ? lines.get() - 1 : -1,
                bytes.get(),
                seconds,
                heapBefore,
                heapPeak.get(),
                rssBefore,
                rssPeak.get());
    }

    private static void count(InputStream in, AtomicLong bytes, AtomicLong lines) {
        byte[] buffer = new byte[1 << 16];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.addAndGet(n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines.incrementAndGet();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The heap in use now, in MiB. */
    private static long heapMiB(Http operator) {
        Http.Response answer = operator.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
        if (answer.status() != 200) {
            return -1;
        }
        return Math.round(answer.json().get("measurements").get(0).get("value").asDouble() / (1024 * 1024));
    }
}
