package se.coop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failed sign-ins must cost the guesser, not Coop: one secretariat issues commands alone, then again while
 * {@code attackers} clients send wrong credentials as fast as they can — half with user names that do not exist (each
 * of which costs a bcrypt hash unless refused), half with wrong passwords for a real user. The figure is how much of
 * its throughput the secretariat keeps.
 */
final class AuthFlood {

    record Result(
            double alone,
            double underAttack,
            Latencies aloneLatencies,
            Latencies attackedLatencies,
            double attemptsPerSecond,
            Map<Integer, Long> attackAnswers) {

        double kept() {
            return underAttack / alone;
        }
    }

    private AuthFlood() {}

    static Result run(String base, Http secretariat, LocalDate today, int attackers, Duration warmup, Duration measure)
            throws InterruptedException {
        CommandLoad.Result alone = CommandLoad.run(secretariat, today, 1, warmup, measure);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong attempts = new AtomicLong();
        Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < attackers; i++) {
            int attacker = i;
            Thread thread =
                    new Thread(() -> attack(base, attacker, running, attempts, answers), "bench-attacker-" + attacker);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long attemptsBefore;
        long start;
        CommandLoad.Result attacked;
        try {
            Thread.sleep(warmup.toMillis());
            attemptsBefore = attempts.get();
            start = System.nanoTime();
            attacked = CommandLoad.run(secretariat, today, 1, Duration.ZERO, measure);
        } finally {
            running.set(false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long attemptsDuring = attempts.get() - attemptsBefore;
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        Map<Integer, Long> counted = new TreeMap<>();
        answers.forEach((status, count) -> counted.put(status, count.get()));
        return new Result(
                alone.commandsPerSecond(),
                attacked.commandsPerSecond(),
                alone.commands(),
                attacked.commands(),
                attemptsDuring / seconds,
                counted);
    }

    private static void attack(
            String base, int attacker, AtomicBoolean running, AtomicLong attempts, Map<Integer, AtomicLong> answers) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long n = 0;
        while (running.get()) {
            String user = attacker % 2 == 0 ? "intruder-" + attacker + "-" + n : "secretariat";
            String credentials = user + ":guess-" + n++;
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/agreements?size=1"))
                    .header(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            } catch (java.io.IOException e) {
                answers.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            attempts.incrementAndGet();
        }
    }
}
