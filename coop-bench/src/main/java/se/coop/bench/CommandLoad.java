package se.coop.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Secretariats at work: {@code concurrency} clients each running {@link LifecycleScenario}s back to back over loopback HTTP,
 * reading the status after every third command with {@code Coop-Min-Position} (the time from the acknowledgement to
 * that answer is the projection lag), and reading a list page after each agreement.
 */
final class CommandLoad {

    record Result(
            int concurrency,
            double commandsPerSecond,
            Latencies commands,
            Latencies lag,
            Latencies reads,
            int errors,
            List<String> agreements,
            long acknowledged,
            Cost cost) {

        /**
         * Puts this load's cost per command into {@code node}, each key after {@code prefix} ({@code cpuMillisPerCommand}
         * or {@code peerCpuMillisPerCommand}); the relay's counts only where it was measured through one.
         */
        void cost(tools.jackson.databind.node.ObjectNode node, String prefix) {
            if (cost == null) {
                return;
            }
            node.put(key(prefix, "cpuMillisPerCommand"), Math.round(cost.cpuMillisPerCommand() * 100) / 100.0);
            node.put(key(prefix, "walBytesPerCommand"), Math.round(cost.walBytesPerCommand()));
            if (cost.statementsPerCommand() >= 0) {
                node.put(key(prefix, "statementsPerCommand"), Math.round(cost.statementsPerCommand() * 100) / 100.0);
                node.put(key(prefix, "roundTripsPerCommand"), Math.round(cost.roundTripsPerCommand() * 100) / 100.0);
            }
        }

        private static String key(String prefix, String name) {
            return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    private enum Phase {
        WARMUP,
        MEASURE,
        STOP
    }

    private final Http http;
    private final LocalDate today;
    private volatile Phase phase = Phase.WARMUP;
    private final AtomicLong measured = new AtomicLong();
    /** Every command acknowledged, warm-up included. */
    private final AtomicLong acknowledged = new AtomicLong();

    private final AtomicInteger errors = new AtomicInteger();
    private final Latencies commands = new Latencies();
    private final Latencies lag = new Latencies();
    private final Latencies reads = new Latencies();
    private final List<String> agreements = Collections.synchronizedList(new ArrayList<>());

    private CommandLoad(Http http, LocalDate today) {
        this.http = http;
        this.today = today;
    }

    static Result run(Http http, LocalDate today, int concurrency, Duration warmup, Duration measure)
            throws InterruptedException {
        return run(http, today, concurrency, warmup, measure, null);
    }

    /** As {@link #run(Http, LocalDate, int, Duration, Duration)}, with what the measured commands cost by {@code meter}. */
    static Result run(Http http, LocalDate today, int concurrency, Duration warmup, Duration measure, Cost.Meter meter)
            throws InterruptedException {
        CommandLoad load = new CommandLoad(http, today);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(load::work, "bench-client-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(warmup.toMillis());
        Cost.Reading before = meter == null ? null : meter.read();
        load.phase = Phase.MEASURE;
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        long commands = load.measured.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        Cost cost = meter == null ? null : Cost.between(before, meter.read(), commands);
        load.phase = Phase.STOP;
        for (Thread worker : workers) {
            worker.join(60_000);
        }
        return new Result(
                concurrency,
                commands / seconds,
                load.commands,
                load.lag,
                load.reads,
                load.errors.get(),
                List.copyOf(load.agreements),
                load.acknowledged.get(),
                cost);
    }

    private void work() {
        int n = 0;
        while (phase != Phase.STOP) {
            try {
                scenario(n++);
            } catch (RuntimeException e) {
                errors.incrementAndGet();
            }
        }
    }

    private void scenario(int n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<LifecycleScenario.Party> parties = LifecycleScenario.randomParties();
        String focus = LifecycleScenario.FOCUS.get(random.nextInt(LifecycleScenario.FOCUS.size()));
        Http.Response drafted = command(
                "/api/v1/agreements",
                LifecycleScenario.draft(
                        "Samverkan " + Thread.currentThread().getName() + "-" + n + " om " + focus, parties, focus),
                0);
        if (drafted == null) {
            return;
        }
        String id = drafted.json().get("agreementId").asString();
        int i = 1;
        for (LifecycleScenario.Command command : LifecycleScenario.lifecycle(
                id, parties, today, LifecycleScenario.meetingAhead(today, 40 + random.nextInt(300)))) {
            if (phase == Phase.STOP || command(command.path(), command.body(), i++) == null) {
                return;
            }
        }
        agreements.add(id);
        long start = System.nanoTime();
        Http.Response page = http.get(
                "/api/v1/agreements?state=IN_FORCE&party=" + parties.get(0).id() + "&size=20");
        record(reads, start, page);
    }

    /** Sends one command; on every third, reads the agreement back as soon as the read models show it. */
    private Http.Response command(String path, String body, int index) {
        long start = System.nanoTime();
        Http.Response answer = http.post(path, body);
        long acknowledged = System.nanoTime();
        if (!answer.ok()) {
            errors.incrementAndGet();
            return null;
        }
        this.acknowledged.incrementAndGet();
        if (phase == Phase.MEASURE) {
            commands.add(acknowledged - start);
            measured.incrementAndGet();
        }
        if (index % 3 == 0) {
            String id = answer.json().get("agreementId").asString();
            Http.Response seen =
                    http.get("/api/v1/agreements/" + id, "Coop-Min-Position", answer.header("Coop-Position"));
            if (seen.ok() && seen.header("Coop-Stale") == null) {
                if (phase == Phase.MEASURE) {
                    lag.add(System.nanoTime() - acknowledged);
                }
            } else {
                errors.incrementAndGet();
            }
        }
        return answer;
    }

    private void record(Latencies latencies, long start, Http.Response answer) {
        if (!answer.ok()) {
            errors.incrementAndGet();
        } else if (phase == Phase.MEASURE) {
            latencies.add(System.nanoTime() - start);
        }
    }
}
