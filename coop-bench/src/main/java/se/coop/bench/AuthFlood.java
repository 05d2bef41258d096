package se.coop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failed sign-ins must cost the guesser, not Coop, and must not keep anyone else from signing in. Three phases of
 * equal length, each with one secretariat issuing commands and a probe signing in once every {@link #PROBE_EVERY} as
 * a user not signed in before (a real password check each time, from an address of its own — 127.0.0.2):
 *
 * <ol>
 *   <li><b>alone</b>: nobody attacks;
 *   <li><b>one address</b>: {@code attackers} clients on 127.0.0.1 send wrong credentials as fast as they can, half with
 *       user names that do not exist, half with wrong passwords for the secretariat;
 *   <li><b>many addresses</b>: eight times as many clients send unknown user names, each attempt from another address
 *       of 127.1.0.0/16 (65,536 addresses: what IPv6 gives any attacker).
 * </ol>
 *
 * The figures are how much of its throughput the secretariat keeps, and how many of the probe's sign-ins succeed and
 * how fast. The probe users are {@code probe000…probe299} with the password {@code bench-password}
 * (coop-bench/auth-flood-users.yml); a Coop without them answers the probe 401, reported as such.
 */
final class AuthFlood {

    static final Duration PROBE_EVERY = Duration.ofMillis(200);

    /** One phase: the secretariat's commands, the probe's sign-ins, and the attack's attempts and answers. */
    record Phase(
            String name,
            double commandsPerSecond,
            Latencies commands,
            int probeSignIns,
            int probeSucceeded,
            Map<Integer, Long> probeAnswers,
            Latencies probe,
            double attemptsPerSecond,
            Map<Integer, Long> attackAnswers) {}

    record Result(List<Phase> phases) {

        Phase alone() {
            return phases.get(0);
        }
    }

    private AuthFlood() {}

    static Result run(String base, Http secretariat, LocalDate today, int attackers, Duration warmup, Duration measure)
            throws InterruptedException {
        URI uri = URI.create(base);
        // the Coop measured warms up first, so that the first phase is not also its JIT's
        CommandLoad.run(secretariat, today, 1, Duration.ZERO, warmup.multipliedBy(3));
        AtomicInteger probeUser = new AtomicInteger();
        List<Phase> phases = new ArrayList<>();
        phases.add(phase("alone", uri, secretariat, today, 0, false, warmup, measure, probeUser));
        phases.add(phase("one address", uri, secretariat, today, attackers, false, warmup, measure, probeUser));
        // from many addresses the per-address limits hold nobody back: as many connections as a flood keeps open
        phases.add(phase("many addresses", uri, secretariat, today, attackers * 8, true, warmup, measure, probeUser));
        return new Result(phases);
    }

    private static Phase phase(
            String name,
            URI base,
            Http secretariat,
            LocalDate today,
            int attackers,
            boolean manyAddresses,
            Duration warmup,
            Duration measure,
            AtomicInteger probeUser)
            throws InterruptedException {
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicLong attempts = new AtomicLong();
        Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
        AtomicLong addresses = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < attackers; i++) {
            int attacker = i;
            Thread thread = new Thread(
                    () -> attack(base, attacker, manyAddresses, addresses, attacking, attempts, answers),
                    "bench-attacker-" + attacker);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        AtomicBoolean probing = new AtomicBoolean(false);
        Latencies probeLatencies = new Latencies();
        Map<Integer, AtomicLong> probeAnswers = new ConcurrentHashMap<>();
        Thread probe = new Thread(() -> probe(base, probing, probeUser, probeLatencies, probeAnswers), "bench-probe");
        probe.setDaemon(true);
        long attemptsBefore;
        long start;
        CommandLoad.Result commands;
        try {
            Thread.sleep(warmup.toMillis());
            attemptsBefore = attempts.get();
            start = System.nanoTime();
            probing.set(true);
            probe.start();
            commands = CommandLoad.run(secretariat, today, 1, warmup, measure);
        } finally {
            probing.set(false);
            attacking.set(false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long attemptsDuring = attempts.get() - attemptsBefore;
        probe.join(60_000);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        Map<Integer, Long> probed = counted(probeAnswers);
        return new Phase(
                name,
                commands.commandsPerSecond(),
                commands.commands(),
                (int) probed.values().stream().mapToLong(Long::longValue).sum(),
                probed.getOrDefault(200, 0L).intValue(),
                probed,
                probeLatencies,
                attemptsDuring / seconds,
                counted(answers));
    }

    private static Map<Integer, Long> counted(Map<Integer, AtomicLong> answers) {
        Map<Integer, Long> counted = new TreeMap<>();
        answers.forEach((status, count) -> counted.put(status, count.get()));
        return counted;
    }

    private static void probe(
            URI base,
            AtomicBoolean probing,
            AtomicInteger user,
            Latencies latencies,
            Map<Integer, AtomicLong> answers) {
        InetAddress from = address(127, 0, 0, 2);
        while (probing.get()) {
            long began = System.nanoTime();
            String credentials = String.format("probe%03d:bench-password", user.getAndIncrement() % 300);
            int status = get(base, from, credentials);
            latencies.add(System.nanoTime() - began);
            answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            long rest = PROBE_EVERY.toNanos() - (System.nanoTime() - began);
            if (rest > 0) {
                try {
                    Thread.sleep(rest / 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void attack(
            URI base,
            int attacker,
            boolean manyAddresses,
            AtomicLong addresses,
            AtomicBoolean running,
            AtomicLong attempts,
            Map<Integer, AtomicLong> answers) {
        long n = 0;
        while (running.get()) {
            InetAddress from;
            String user;
            if (manyAddresses) {
                long next = addresses.getAndIncrement() % 65_536;
                from = address(127, 1, (int) (next / 256), (int) (next % 256));
                user = "intruder-" + attacker + "-" + n;
            } else {
                from = address(127, 0, 0, 1);
                user = attacker % 2 == 0 ? "intruder-" + attacker + "-" + n : "secretariat";
            }
            int status = get(base, from, user + ":guess-" + n++);
            answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            attempts.incrementAndGet();
        }
    }

    /**
     * One GET with HTTP Basic over a connection of its own from {@code from} (Java's HTTP client cannot choose the
     * address it sends from); the answer's status, or -1 when there was none.
     */
    private static int get(URI base, InetAddress from, String credentials) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(60_000);
            String request = "GET /api/v1/agreements?size=1 HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
                    + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] line = new byte[12];
            int read = 0;
            while (read < line.length) {
                int n = in.read(line, read, line.length - read);
                if (n < 0) {
                    return -1;
                }
                read += n;
            }
            int status = Integer.parseInt(new String(line, 9, 3, StandardCharsets.US_ASCII));
            in.transferTo(OutputStream.nullOutputStream());
            return status;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
