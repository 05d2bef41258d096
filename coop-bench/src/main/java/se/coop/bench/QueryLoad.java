package se.coop.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** What readers ask at scale: a status by id, filtered list pages, a week of meetings; {@code concurrency} at once. */
final class QueryLoad {

    record Result(Map<String, Latencies> byQuery, Latencies all, int errors) {}

    private QueryLoad() {}

    static Result run(Http http, List<String> ids, int perQuery, int concurrency, LocalDate today)
            throws InterruptedException {
        Map<String, Supplier<String>> queries = new LinkedHashMap<>();
        queries.put(
                "status by id",
                () -> "/api/v1/agreements/"
                        + ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
        queries.put(
                "list: state and country",
                () -> "/api/v1/agreements?state=IN_FORCE&country=DK&size=20&page="
                        + ThreadLocalRandom.current().nextInt(50));
        queries.put(
                "list: party",
                () -> "/api/v1/agreements?size=20&party="
                        + LifecycleScenario.municipality(
                                        ThreadLocalRandom.current().nextInt(40) * 4)
                                .id());
        queries.put(
                "list: focus area and text",
                () -> "/api/v1/agreements?size=20&focusArea="
                        + LifecycleScenario.FOCUS.get(
                                ThreadLocalRandom.current().nextInt(LifecycleScenario.FOCUS.size()))
                        + "&q=samverkan");
        queries.put("reviews: a party's week", () -> {
            LocalDate from = today.plusDays(ThreadLocalRandom.current().nextInt(20, 700));
            return "/api/v1/reviews?from=" + from + "&to=" + from.plusDays(7) + "&party="
                    + LifecycleScenario.municipality(ThreadLocalRandom.current().nextInt(40) * 4)
                            .id();
        });
        Map<String, Latencies> byQuery = new LinkedHashMap<>();
        Latencies all = new Latencies();
        AtomicInteger errors = new AtomicInteger();
        for (Map.Entry<String, Supplier<String>> query : queries.entrySet()) {
            Latencies latencies = new Latencies();
            AtomicInteger remaining = new AtomicInteger(perQuery);
            List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                Thread reader = new Thread(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        String path = query.getValue().get();
                        long start = System.nanoTime();
                        Http.Response answer = http.get(path);
                        long took = System.nanoTime() - start;
                        if (answer.ok()) {
                            latencies.add(took);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                });
                readers.add(reader);
                reader.start();
            }
            for (Thread reader : readers) {
                reader.join();
            }
            byQuery.put(query.getKey(), latencies);
            all.addAll(latencies);
        }
        return new Result(byQuery, all, errors.get());
    }
}
