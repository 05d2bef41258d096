package se.coop.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What the run measured: the headline figures the issue names, and every level, query and read model behind them. */
final class Report {

    private record Level(CommandLoad.Result coop, Baseline.Result baseline) {}

    private record Rebuild(String readModel, long events, double seconds) {}

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final List<Level> levels = new ArrayList<>();
    private final List<Rebuild> rebuilds = new ArrayList<>();
    private QueryLoad.Result queries;
    private QueryLoad.Result pages;
    private AuthFlood.Result flood;
    private DossierLoad.Result dossier;
    private long queriedAgreements;
    private final List<CommandLoad.Result> peer = new ArrayList<>();
    private final Map<String, CommandLoad.Result> costs = new java.util.LinkedHashMap<>();

    void put(String key, Object value) {
        if (value instanceof Number number) {
            root.put(key, number.doubleValue());
        } else {
            root.put(key, String.valueOf(value));
        }
    }

    void machine(int cores, long memoryMiB, String jdk) {
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", cores);
        machine.put("memoryMiB", memoryMiB);
        machine.put("jdk", jdk);
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    void postgres(String version) {
        ((ObjectNode) root.get("machine")).put("postgres", version);
    }

    void coldStart(double seconds, long rssMiB, long familyRssMiB) {
        root.put("coldStartSeconds", seconds);
        root.put("rssMiB", rssMiB);
        root.put("rssWithEmbeddedPostgresMiB", familyRssMiB);
    }

    void level(CommandLoad.Result coop, Baseline.Result baseline) {
        levels.add(new Level(coop, baseline));
    }

    void peer(List<CommandLoad.Result> levels) {
        peer.addAll(levels);
    }

    void costs(Map<String, CommandLoad.Result> measured) {
        costs.putAll(measured);
    }

    /** Coop's level of {@code clients}, with the peer's, where both were measured with their cost. */
    private java.util.Optional<Costed> costAt(int clients) {
        return levels.stream()
                .filter(level ->
                        level.coop().concurrency() == clients && level.coop().cost() != null)
                .findFirst()
                .map(level -> new Costed(level.coop(), peerAt(clients).filter(p -> p.cost() != null)));
    }

    private record Costed(CommandLoad.Result coop, java.util.Optional<CommandLoad.Result> peer) {}

    private java.util.Optional<CommandLoad.Result> peerAt(int concurrency) {
        return peer.stream().filter(p -> p.concurrency() == concurrency).findFirst();
    }

    void authFlood(AuthFlood.Result flood) {
        this.flood = flood;
        ObjectNode node = root.putObject("authFlood");
        AuthFlood.Phase alone = flood.alone();
        for (AuthFlood.Phase phase : flood.phases()) {
            ObjectNode one = node.putObject(phase.name().replace(' ', '-'));
            one.put("commandsPerSecond", round(phase.commandsPerSecond()));
            one.put("kept", Math.round(phase.commandsPerSecond() / alone.commandsPerSecond() * 1000) / 1000.0);
            one.put("commandP50Ms", round(phase.commands().percentileMs(50)));
            one.put("probeSignIns", phase.probeSignIns());
            one.put("probeSucceeded", phase.probeSucceeded());
            one.put("probeP50Ms", round(phase.probe().percentileMs(50)));
            one.put("probeP99Ms", round(phase.probe().percentileMs(99)));
            ObjectNode probeAnswers = one.putObject("probeAnswers");
            phase.probeAnswers().forEach((status, count) -> probeAnswers.put(Integer.toString(status), count));
            one.put("failedSignInsPerSecond", round(phase.attemptsPerSecond()));
            ObjectNode answers = one.putObject("attackAnswers");
            phase.attackAnswers().forEach((status, count) -> answers.put(Integer.toString(status), count));
        }
    }

    void dossier(DossierLoad.Result dossier) {
        this.dossier = dossier;
        ObjectNode node = root.putObject("dossier");
        node.put("documents", dossier.documents());
        node.put("reviews", dossier.reviews());
        node.put("dossierPages", dossier.pages());
        node.put("dossierBytes", dossier.bytes());
        node.put("dossierSeconds", round(dossier.seconds()));
        node.put("dossierPagesPerSecond", round(dossier.pagesPerSecond()));
        node.put("dossierHeapBeforeMiB", dossier.heapBeforeMiB());
        node.put("dossierHeapPeakMiB", dossier.heapPeakMiB());
        node.put("dossierHeapMiBPer100Pages", round(dossier.heapMiBPer100Pages()));
        node.put("dossierInBackground", dossier.inBackground());
        node.put("dossierLiveAfterGcBeforeMiB", dossier.liveBeforeMiB());
        node.put("dossierLiveAfterGcPeakMiB", dossier.livePeakMiB());
        node.put("coopHeapMaxMiB", dossier.heapMaxMiB());
    }

    void bulk(int agreements, long events, long head, double seconds) {
        ObjectNode bulk = root.putObject("bulkLoad");
        bulk.put("agreements", agreements);
        bulk.put("events", events);
        bulk.put("eventsInStore", head);
        bulk.put("seconds", round(seconds));
    }

    /** The webhook phase: commands with and without a subscription, Coop's CPU per command, delivery lag. */
    void webhooks(WebhookLoad.Result result) {
        ObjectNode node = root.putObject("webhooks");
        node.put("concurrency", result.concurrency());
        node.put("commandsPerSecondWithout", round(result.without().commandsPerSecond()));
        node.put("commandsPerSecondWith", round(result.with().commandsPerSecond()));
        node.put("cpuMillisPerCommandWithout", round100(result.without().cpuMillisPerCommand()));
        node.put("cpuMillisPerCommandWith", round100(result.with().cpuMillisPerCommand()));
        node.put(
                "outboxCpuMillisPerCommand",
                round100(result.with().cpuMillisPerCommand() - result.without().cpuMillisPerCommand()));
        node.put("commandsWith", result.with().commands());
        node.put("eventsWith", result.with().events());
        node.put("deliveriesQueued", result.queued());
        node.put("deliveriesReceived", result.received());
        node.put("undelivered", result.undelivered());
        node.put("drainSeconds", round(result.drainSeconds()));
        node.put("deliveryLagP50Ms", round(result.lag().percentileMs(50)));
        node.put("deliveryLagP95Ms", round(result.lag().percentileMs(95)));
        node.put("deliveryLagP99Ms", round(result.lag().percentileMs(99)));
        node.put("deliveryLagMaxMs", round(result.lag().percentileMs(100)));
    }

    private static double round100(double value) {
        return Double.isNaN(value) ? -1 : Math.round(value * 100) / 100.0;
    }

    void queries(long agreements, QueryLoad.Result result) {
        this.queries = result;
        this.queriedAgreements = agreements;
    }

    void uploads(Uploads.Result result) {
        ArrayNode rounds = root.has("uploads") ? (ArrayNode) root.get("uploads") : root.putArray("uploads");
        ObjectNode node = rounds.addObject();
        node.put("files", result.files());
        node.put("mibEach", result.mibEach());
        node.put("maxHeapMiB", result.maxHeapMiB());
        ArrayNode statuses = node.putArray("statuses");
        result.statuses().forEach(statuses::add);
        ArrayNode pdfa = node.putArray("pdfaStatuses");
        result.pdfaStatuses().forEach(pdfa::add);
        node.put("seconds", round(result.seconds()));
        node.put("slowestUploadSeconds", round(result.slowestUploadSeconds()));
        node.put("pdfaDoneSeconds", round(result.pdfaSeconds()));
        node.put("heapBeforeMiB", result.heapBeforeMiB());
        node.put("heapPeakMiB", result.heapPeakMiB());
        node.put("rssBeforeMiB", result.rssBeforeMiB());
        node.put("rssPeakMiB", result.rssPeakMiB());
    }

    void exports(List<Exports.Result> results) {
        ArrayNode rows = root.putArray("exports");
        for (Exports.Result result : results) {
            ObjectNode row = rows.addObject();
            row.put("maxHeapMiB", result.maxHeapMiB());
            row.put("format", result.format());
            row.put("rows", result.rows());
            row.put("bytes", result.bytes());
            row.put("seconds", round(result.seconds()));
            row.put("heapBeforeMiB", result.heapBeforeMiB());
            row.put("heapPeakMiB", result.heapPeakMiB());
            row.put("rssBeforeMiB", result.rssBeforeMiB());
            row.put("rssPeakMiB", result.rssPeakMiB());
        }
    }

    void pages(QueryLoad.Result result) {
        this.pages = result;
    }

    void rebuild(String readModel, long events, double seconds) {
        rebuilds.add(new Rebuild(readModel, events, seconds));
    }

    private Level fastest() {
        return levels.stream()
                .max(Comparator.comparingDouble(l -> l.coop().commandsPerSecond()))
                .orElseThrow();
    }

    /** The level whose throughput is nearest half of the maximum: where the p99 target is read. */
    private Level half() {
        double target = fastest().coop().commandsPerSecond() / 2;
        return levels.stream()
                .min(Comparator.comparingDouble(l -> Math.abs(l.coop().commandsPerSecond() - target)))
                .orElseThrow();
    }

    String json() {
        if (!levels.isEmpty()) {
            double coop = fastest().coop().commandsPerSecond();
            double raw = levels.stream()
                    .mapToDouble(l -> l.baseline().transactionsPerSecond())
                    .max()
                    .orElseThrow();
            root.put("commandsPerSecond", round(coop));
            root.put("baselineTransactionsPerSecond", round(raw));
            root.put("ratio", Math.round(coop / raw * 1000) / 1000.0);
            root.put("commandLatencyP99Ms", round(half().coop().commands().percentileMs(99)));
            root.put("commandLatencyP99AtCommandsPerSecond", round(half().coop().commandsPerSecond()));
            root.put("projectionLagP99Ms", round(fastest().coop().lag().percentileMs(99)));
            root.put("projectionLagP99AtCommandsPerSecond", round(coop));
            ArrayNode rows = root.putArray("levels");
            for (Level level : levels) {
                ObjectNode row = rows.addObject();
                row.put("concurrency", level.coop().concurrency());
                row.put("commandsPerSecond", round(level.coop().commandsPerSecond()));
                row.put("commandP50Ms", round(level.coop().commands().percentileMs(50)));
                row.put("commandP99Ms", round(level.coop().commands().percentileMs(99)));
                row.put("lagP50Ms", round(level.coop().lag().percentileMs(50)));
                row.put("lagP99Ms", round(level.coop().lag().percentileMs(99)));
                row.put("listReadP99Ms", round(level.coop().reads().percentileMs(99)));
                row.put("errors", level.coop().errors());
                row.put("baselineTransactionsPerSecond", round(level.baseline().transactionsPerSecond()));
                row.put("baselineP50Ms", round(level.baseline().latencies().percentileMs(50)));
                row.put("baselineP99Ms", round(level.baseline().latencies().percentileMs(99)));
                level.coop().cost(row, "");
                peerAt(level.coop().concurrency()).ifPresent(p -> {
                    p.cost(row, "peer");
                    row.put("peerCommandsPerSecond", round(p.commandsPerSecond()));
                    row.put("peerP50Ms", round(p.commands().percentileMs(50)));
                    row.put("peerP99Ms", round(p.commands().percentileMs(99)));
                    row.put("peerLagP99Ms", round(p.lag().percentileMs(99)));
                    row.put("peerErrors", p.errors());
                });
            }
        }
        if (!peer.isEmpty()) {
            double fastestPeer = peer.stream()
                    .mapToDouble(CommandLoad.Result::commandsPerSecond)
                    .max()
                    .orElseThrow();
            root.put("peerCommandsPerSecond", round(fastestPeer));
            if (!levels.isEmpty()) {
                root.put("peerRatio", Math.round(fastest().coop().commandsPerSecond() / fastestPeer * 1000) / 1000.0);
            }
        }
        costAt(Bench.COST_CLIENTS).ifPresent(level -> {
            root.put("costClients", Bench.COST_CLIENTS);
            level.coop().cost(root, "");
            level.peer().ifPresent(p -> p.cost(root.putObject("peerCost"), ""));
        });
        for (Map.Entry<String, CommandLoad.Result> measured : costs.entrySet()) {
            Cost cost = measured.getValue().cost();
            ObjectNode node = measured.getKey().equals("coop") ? root : root.withObject("peerCost");
            node.put("statementsPerCommand", round2(cost.statementsPerCommand()));
            node.put("roundTripsPerCommand", round2(cost.roundTripsPerCommand()));
            ObjectNode relayed = node.putObject("throughTheRelay");
            relayed.put("clients", measured.getValue().concurrency());
            relayed.put("commandsPerSecond", round(measured.getValue().commandsPerSecond()));
            measured.getValue().cost(relayed, "");
        }
        if (!rebuilds.isEmpty()) {
            root.put(
                    "rebuildEventsPerSecond",
                    Math.round(rebuilds.stream()
                            .mapToDouble(r -> r.events() / r.seconds())
                            .min()
                            .orElseThrow()));
            ObjectNode each = root.putObject("rebuilds");
            for (Rebuild rebuild : rebuilds) {
                ObjectNode row = each.putObject(rebuild.readModel());
                row.put("events", rebuild.events());
                row.put("seconds", round(rebuild.seconds()));
                row.put("eventsPerSecond", Math.round(rebuild.events() / rebuild.seconds()));
            }
        }
        if (queries != null) {
            root.put("queriedAgreements", queriedAgreements);
            latencies("query", "queries", queries);
        }
        if (pages != null) {
            latencies("page", "pages", pages);
        }
        return root.toPrettyString() + "\n";
    }

    /** {@code <what>LatencyP99Ms} (the slowest), {@code <what>Errors} and each one's p50, p99 and count. */
    private void latencies(String what, String field, QueryLoad.Result result) {
        root.put(
                what + "LatencyP99Ms",
                round(result.byQuery().values().stream()
                        .mapToDouble(l -> l.percentileMs(99))
                        .max()
                        .orElseThrow()));
        root.put(what + "Errors", result.errors());
        ObjectNode each = root.putObject(field);
        for (Map.Entry<String, Latencies> one : result.byQuery().entrySet()) {
            ObjectNode row = each.putObject(one.getKey());
            row.put("p50Ms", round(one.getValue().percentileMs(50)));
            row.put("p99Ms", round(one.getValue().percentileMs(99)));
            row.put("count", one.getValue().count());
        }
    }

    private static void print(PrintStream out, String heading, QueryLoad.Result result) {
        out.println();
        out.println(heading + " | p50 ms | p99 ms");
        result.byQuery()
                .forEach((name, latencies) -> out.println(String.format(
                        Locale.ROOT,
                        "%-30s | %6.1f | %6.1f",
                        name,
                        latencies.percentileMs(50),
                        latencies.percentileMs(99))));
    }

    void print(PrintStream out) {
        json();
        out.println();
        out.println("Machine: " + root.get("machine"));
        if (root.has("uploads")) {
            out.println();
            root.get("uploads").forEach(round -> out.println("Uploads: " + round));
        }
        if (!levels.isEmpty()) {
            out.println();
            out.println(
                    "clients | Coop cmd/s | p50 ms | p99 ms | lag p50 | lag p99 | errors || JDBC tx/s | p50 ms | p99 ms");
            for (Level level : levels) {
                out.println(String.format(
                        Locale.ROOT,
                        "%7d | %10.0f | %6.1f | %6.1f | %7.1f | %7.1f | %6d || %9.0f | %6.1f | %6.1f",
                        level.coop().concurrency(),
                        level.coop().commandsPerSecond(),
                        level.coop().commands().percentileMs(50),
                        level.coop().commands().percentileMs(99),
                        level.coop().lag().percentileMs(50),
                        level.coop().lag().percentileMs(99),
                        level.coop().errors(),
                        level.baseline().transactionsPerSecond(),
                        level.baseline().latencies().percentileMs(50),
                        level.baseline().latencies().percentileMs(99)));
            }
        }
        if (!peer.isEmpty()) {
            out.println();
            out.println("clients | peer cmd/s | p50 ms | p99 ms | lag p99 | errors | Coop ÷ peer | Coop ÷ JDBC");
            for (CommandLoad.Result p : peer) {
                java.util.Optional<Level> coop = levels.stream()
                        .filter(l -> l.coop().concurrency() == p.concurrency())
                        .findFirst();
                out.println(String.format(
                        Locale.ROOT,
                        "%7d | %10.0f | %6.1f | %6.1f | %7.1f | %6d | %11.3f | %11.3f",
                        p.concurrency(),
                        p.commandsPerSecond(),
                        p.commands().percentileMs(50),
                        p.commands().percentileMs(99),
                        p.lag().percentileMs(99),
                        p.errors(),
                        coop.map(l -> l.coop().commandsPerSecond() / p.commandsPerSecond())
                                .orElse(Double.NaN),
                        coop.map(l -> l.coop().commandsPerSecond()
                                        / l.baseline().transactionsPerSecond())
                                .orElse(Double.NaN)));
            }
        }
        if (levels.stream().anyMatch(l -> l.coop().cost() != null) || !costs.isEmpty()) {
            out.println();
            out.println("per command           | clients | cmd/s | CPU ms | WAL bytes | statements | round trips");
            for (Level level : levels) {
                printCost(out, "Coop", level.coop());
                peerAt(level.coop().concurrency()).ifPresent(p -> printCost(out, "peer", p));
            }
            costs.forEach((name, measured) ->
                    printCost(out, (name.equals("coop") ? "Coop" : name) + " through relay", measured));
        }
        if (dossier != null) {
            out.println();
            out.println(String.format(
                    Locale.ROOT,
                    (dossier.documents() < 0
                                    ? "dossier PDF of an agreement made before%s%s"
                                    : "dossier PDF of one agreement with %d documents and %d meetings")
                            + ": %d pages, %.1f MB in %.1f s"
                            + " (%.1f pages/s%s); heap %d MiB before, %d MiB at its highest (%.1f MiB per 100 pages);"
                            + " live after GC %d MiB before, %d MiB at its highest; heap max %d MiB",
                    dossier.documents() < 0 ? "" : dossier.documents(),
                    dossier.reviews() < 0 ? "" : dossier.reviews(),
                    dossier.pages(),
                    dossier.bytes() / 1e6,
                    dossier.seconds(),
                    dossier.pagesPerSecond(),
                    dossier.inBackground() ? ", made in the background: 202, then its file" : "",
                    dossier.heapBeforeMiB(),
                    dossier.heapPeakMiB(),
                    dossier.heapMiBPer100Pages(),
                    dossier.liveBeforeMiB(),
                    dossier.livePeakMiB(),
                    dossier.heapMaxMiB()));
        }
        if (flood != null) {
            out.println();
            for (AuthFlood.Phase phase : flood.phases()) {
                out.println(String.format(
                        Locale.ROOT,
                        "sign-ins, %-14s: secretariat %.1f cmd/s (p50 %.1f ms, %.0f %% kept); probe %d of %d fresh"
                                + " sign-ins succeeded (p50 %.0f ms, p99 %.0f ms, answers %s); %.0f wrong credentials/s"
                                + " (answers %s)",
                        phase.name(),
                        phase.commandsPerSecond(),
                        phase.commands().percentileMs(50),
                        100 * phase.commandsPerSecond() / flood.alone().commandsPerSecond(),
                        phase.probeSucceeded(),
                        phase.probeSignIns(),
                        phase.probe().percentileMs(50),
                        phase.probe().percentileMs(99),
                        phase.probeAnswers(),
                        phase.attemptsPerSecond(),
                        phase.attackAnswers()));
            }
        }
        if (queries != null) {
            print(out, "query at " + queriedAgreements + " agreements, one reader", queries);
        }
        if (pages != null) {
            print(out, "page at " + queriedAgreements + " agreements, one browser", pages);
        }
        if (root.has("webhooks")) {
            out.println();
            out.println("webhooks: " + root.get("webhooks"));
        }
        if (!rebuilds.isEmpty()) {
            out.println();
            for (Rebuild rebuild : rebuilds) {
                out.println(String.format(
                        Locale.ROOT,
                        "rebuild %-8s %,d events in %.1f s: %,.0f events/s",
                        rebuild.readModel(),
                        rebuild.events(),
                        rebuild.seconds(),
                        rebuild.events() / rebuild.seconds()));
            }
        }
        out.println();
        for (String key : List.of(
                "commandsPerSecond",
                "baselineTransactionsPerSecond",
                "ratio",
                "peerCommandsPerSecond",
                "peerRatio",
                "cpuMillisPerCommand",
                "statementsPerCommand",
                "roundTripsPerCommand",
                "walBytesPerCommand",
                "idleCpuMillisPerSecond",
                "peerIdleCpuMillisPerSecond",
                "commandLatencyP99Ms",
                "commandLatencyP99AtCommandsPerSecond",
                "projectionLagP99Ms",
                "projectionLagP99AtCommandsPerSecond",
                "catchUpEventsPerSecond",
                "rebuildEventsPerSecond",
                "queryLatencyP99Ms",
                "coldStartSeconds",
                "restartSeconds",
                "rssMiB",
                "rssWithEmbeddedPostgresMiB",
                "rssPeakMiB",
                "benchSeconds")) {
            if (root.has(key)) {
                out.println(String.format(Locale.ROOT, "%-38s %s", key, root.get(key)));
            }
        }
    }

    private static void printCost(PrintStream out, String name, CommandLoad.Result load) {
        Cost cost = load.cost();
        if (cost == null) {
            return;
        }
        out.println(String.format(
                Locale.ROOT,
                "%-21s | %7d | %5.0f | %6.2f | %9.0f | %10s | %11s",
                name,
                load.concurrency(),
                load.commandsPerSecond(),
                cost.cpuMillisPerCommand(),
                cost.walBytesPerCommand(),
                cost.statementsPerCommand() < 0 ? "" : String.format(Locale.ROOT, "%.2f", cost.statementsPerCommand()),
                cost.roundTripsPerCommand() < 0
                        ? ""
                        : String.format(Locale.ROOT, "%.2f", cost.roundTripsPerCommand())));
    }

    private static double round2(double value) {
        return Double.isNaN(value) ? -1 : Math.round(value * 100) / 100.0;
    }

    private static double round(double value) {
        return Double.isNaN(value) ? -1 : Math.round(value * 10) / 10.0;
    }
}
