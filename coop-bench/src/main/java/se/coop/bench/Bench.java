package se.coop.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * coop-bench: one run measures a Coop against the raw database underneath it — command throughput and latency at
 * several concurrency levels next to plain JDBC doing an event-sourced command's database work, projection lag,
 * rebuild rates and query latency over a large bulk-loaded history, cold start and memory — and prints a table (and
 * JSON with {@code --out}).
 */
public final class Bench {

    private static final String[] READ_MODELS = {"status", "history", "reviews", "reminders"};

    private final Options options;
    private final Report report = new Report();
    private final Path work;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    private Bench(Options options, Path work) {
        this.options = options;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage().isEmpty() ? Options.USAGE : e.getMessage() + "\n\n" + Options.USAGE);
            System.exit(2);
            return;
        }
        Path work = Files.createTempDirectory("coop-bench-");
        new Bench(options, work).run();
    }

    private void run() throws Exception {
        long began = System.nanoTime();
        report.put(
                "mode",
                options.webhooksOnly()
                        ? "webhooks-only"
                        : options.commandsOnly() ? "commands-only" : options.quick() ? "quick" : "full");
        report.machine(
                Runtime.getRuntime().availableProcessors(),
                memoryMiB(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        if (options.coopJar() != null
                && !options.commandsOnly()
                && !options.webhooksOnly()
                && !options.authFloodOnly()
                && !options.readsOnly()) {
            coldStart();
        }
        EmbeddedPostgres embedded = null;
        String jdbcUrl = options.jdbcUrl();
        if (jdbcUrl == null) {
            step("starting PostgreSQL (durable settings: fsync, synchronous_commit)");
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(work.resolve("postgres"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "512MB")
                    .start();
            jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
        }
        try {
            measure(jdbcUrl);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        report.put("benchSeconds", Math.round((System.nanoTime() - began) / 1e9));
        report.print(System.out);
        if (options.out() != null) {
            Files.writeString(options.out(), report.json());
            System.out.println("written " + options.out().toAbsolutePath());
        }
    }

    /** The zero-setup default, fresh: an empty data directory, Coop starts its own PostgreSQL. */
    private void coldStart() throws Exception {
        step("cold start of the zero-setup default");
        Path data = work.resolve("zero-setup");
        try (CoopProcess coop = CoopProcess.start(options.coopJar(), data, freePort(), Map.of())) {
            Duration started = coop.awaitHealthy(Duration.ofMinutes(3));
            long[] rss = coop.residentMiB();
            report.coldStart(
                    started.toMillis() / 1000.0,
                    rss[0],
                    coop.familyResidentMiB(data.resolve("data").resolve("postgres")));
        }
        try (CoopProcess coop = CoopProcess.start(options.coopJar(), data, freePort(), Map.of())) {
            report.put(
                    "restartSeconds", coop.awaitHealthy(Duration.ofMinutes(3)).toMillis() / 1000.0);
        }
    }

    private void measure(String jdbcUrl) throws Exception {
        String user = options.jdbcUser();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            report.postgres(rows.getString(1));
        }
        CoopProcess coop = null;
        String base = options.coopUrl();
        if (base == null) {
            step("starting Coop on that PostgreSQL");
            coop = startCoop(jdbcUrl);
            base = "http://127.0.0.1:" + coop.port;
        }
        try {
            Http secretariat = new Http(base, "secretariat", "secretariat");
            Http operator = new Http(base, "operator", "operator");
            if (options.uploadsOnly()) {
                uploads(jdbcUrl, coop);
                return;
            }
            if (options.dossierOnly()) {
                step("one agreement with " + options.dossierDocuments() + " documents and " + options.dossierReviews()
                        + " meetings: its dossier as PDF");
                report.dossier(DossierLoad.run(
                        secretariat,
                        new Http(base, "auditor", "auditor"),
                        operator,
                        today,
                        options.dossierDocuments(),
                        options.dossierReviews(),
                        options.dossierSummaryChars(),
                        options.dossierAgreement()));
                return;
            }

            Duration warmup = Duration.ofSeconds(options.quick() ? 2 : 4);
            Duration seconds = Duration.ofSeconds(options.seconds());
            if (!options.extractsOnly() && !options.commandsOnly() && !options.readsOnly() && !options.webhooksOnly()) {
                step(
                        "failed sign-ins: one secretariat and a sign-in probe alone, then while 8 clients guess from one address, then from many");
                report.authFlood(AuthFlood.run(base, secretariat, today, 8, warmup, seconds));
            }
            if (options.authFloodOnly()) {
                return;
            }
            Baseline.prepare(jdbcUrl, user);
            if (!options.extractsOnly() && !options.readsOnly() && !options.webhooksOnly()) {
                step("warming Coop up: " + WARMUP_CLIENTS + " clients for " + options.warmupSeconds()
                        + " s, not measured");
                CommandLoad.run(
                        secretariat, today, WARMUP_CLIENTS, Duration.ZERO, Duration.ofSeconds(options.warmupSeconds()));
            }
            if (coop != null && !options.extractsOnly() && !options.readsOnly() && !options.webhooksOnly()) {
                step("Coop idle for " + IDLE.toSeconds() + " s: what its background costs");
                report.put("idleCpuMillisPerSecond", idleCpuMillisPerSecond(coop));
            }
            for (int level : options.extractsOnly() || options.readsOnly() || options.webhooksOnly()
                    ? List.<Integer>of()
                    : options.concurrency()) {
                step("concurrency " + level + ": plain JDBC");
                Baseline.Result baseline = Baseline.run(jdbcUrl, user, level, warmup, seconds);
                step("concurrency " + level + ": Coop over HTTP");
                CommandLoad.Result load = CommandLoad.run(
                        secretariat,
                        today,
                        level,
                        warmup,
                        seconds,
                        coop == null ? null : new Cost.Meter(coop::cpuMillis, null, jdbcUrl, user));
                report.level(load, baseline);
            }

            if (!options.extractsOnly() && !options.readsOnly() && !options.webhooksOnly() && !options.withoutPeer()) {
                report.peer(peerLevels(jdbcUrl, warmup, seconds));
                if (coop != null) {
                    // the cost phase's Coop is the only node: one left running would take half the processors' work
                    coop.close();
                    coop = null;
                    report.costs(costs(jdbcUrl, seconds));
                    if (!options.commandsOnly()) {
                        coop = startCoop(jdbcUrl);
                        base = "http://127.0.0.1:" + coop.port;
                        secretariat = new Http(base, "secretariat", "secretariat");
                        operator = new Http(base, "operator", "operator");
                    }
                }
            }
            if (options.commandsOnly()) {
                return;
            }
            if (coop != null && !options.extractsOnly() && !options.readsOnly()) {
                // at the run's highest command rate: its most clients
                int level = options.concurrency().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(4);
                step("webhooks at concurrency " + level + ": commands without a subscription, then with one wanting"
                        + " every event; every delivery awaited");
                report.webhooks(
                        WebhookLoad.run(secretariat, operator, coop, jdbcUrl, user, today, level, warmup, seconds));
            }
            if (options.webhooksOnly()) {
                return;
            }
            step("recording a template agreement");
            Template template = Template.record(secretariat, today);
            HistoryLoader loader = new HistoryLoader(
                    jdbcUrl, user, template.agreementId(), template.parties(), template.focus(), template.startsAt());
            if (coop != null) {
                coop.close();
                coop = null;
            }
            step("bulk-loading " + options.agreements() + " agreements (" + loader.templateEvents()
                    + " events at most each)");
            List<String> ids = new ArrayList<>();
            long loadStart = System.nanoTime();
            long events = loader.load(options.agreements(), 2, ids);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long head = head(jdbcUrl, user);
            if (options.coopUrl() == null) {
                skipReminderPlanning(jdbcUrl, user, head);
                coop = startCoop(jdbcUrl);
                base = "http://127.0.0.1:" + coop.port;
                secretariat = new Http(base, "secretariat", "secretariat");
                operator = new Http(base, "operator", "operator");
            }
            report.bulk(options.agreements(), events, head, loadSeconds);

            step("read models catching up with " + events + " new events");
            long catchUpStart = System.nanoTime();
            awaitCaughtUp(operator, Duration.ofMinutes(60));
            report.put("catchUpEventsPerSecond", Math.round(events / ((System.nanoTime() - catchUpStart) / 1e9)));

            List<Exports.Result> exports = new ArrayList<>();
            if (!options.readsOnly()) {
                step("register exports at " + agreements(secretariat) + " agreements");
                exports.addAll(Exports.run(secretariat, operator, coop, null));
            }
            if (coop != null && !options.readsOnly()) {
                // the same exports from a Coop whose heap could not hold the register: streaming, or an error
                step("register exports again, Coop restarted with -Xmx" + Exports.BOUNDED_HEAP_MIB + "m");
                coop.close();
                coop = startCoop(jdbcUrl, Map.of("JAVA_TOOL_OPTIONS", "-Xmx" + Exports.BOUNDED_HEAP_MIB + "m"));
                secretariat = new Http(base = "http://127.0.0.1:" + coop.port, "secretariat", "secretariat");
                operator = new Http(base, "operator", "operator");
                exports.addAll(Exports.run(secretariat, operator, coop, Exports.BOUNDED_HEAP_MIB));
                step("uploading " + UPLOADS + " documents of " + UPLOAD_MIB + " MiB at once, same heap");
                report.uploads(Uploads.run(base, operator, coop, work, UPLOADS, UPLOAD_MIB, Exports.BOUNDED_HEAP_MIB));
                coop.close();
                coop = startCoop(jdbcUrl);
                secretariat = new Http(base = "http://127.0.0.1:" + coop.port, "secretariat", "secretariat");
                operator = new Http(base, "operator", "operator");
            }
            report.exports(exports);
            if (options.extractsOnly()) {
                return;
            }
            step("queries at " + agreements(secretariat) + " agreements");
            int perQuery = options.quick() ? 200 : 400;
            // latency as one reader sees it; the command levels above show how Coop shares its cores under load
            QueryLoad.run(secretariat, ids, perQuery / 4, 1, today);
            report.queries(agreements(secretariat), QueryLoad.run(secretariat, ids, perQuery, 1, today));
            step("pages at " + agreements(secretariat) + " agreements");
            Pages.run(base, ids, perQuery / 8);
            report.pages(Pages.run(base, ids, perQuery / 2));

            for (String readModel : READ_MODELS) {
                step("rebuilding " + readModel);
                long total = head(jdbcUrl, user);
                long start = System.nanoTime();
                Http.Response accepted = operator.post("/api/v1/admin/projections/" + readModel + "/rebuild", "{}");
                if (accepted.status() != 202) {
                    throw new IllegalStateException("rebuild of " + readModel + " answered " + accepted.status());
                }
                awaitRebuilt(operator, readModel, Duration.ofMinutes(60));
                double took = (System.nanoTime() - start) / 1e9;
                report.rebuild(readModel, total, took);
            }
            if (coop != null) {
                long[] rss = coop.residentMiB();
                report.put("rssAfterRunMiB", rss[0]);
                report.put("rssPeakMiB", rss[1]);
            }
        } finally {
            if (coop != null) {
                coop.close();
            }
        }
    }

    /**
     * The clients of the unmeasured load each application gets first ({@code --warmup-seconds}): its code compiled
     * before anything is measured (after 20 s of it, Coop still spent twice the CPU per command it did later in a run).
     */
    static final int WARMUP_CLIENTS = 4;

    /** The clients of the cost phase. */
    static final int COST_CLIENTS = 4;

    private static final String PEER_DATABASE = "coop_peer";

    /** The peer at each concurrency level, in a fresh database of its own on the same server. */
    private List<CommandLoad.Result> peerLevels(String jdbcUrl, Duration warmup, Duration seconds) throws Exception {
        String peerUrl = freshDatabase(jdbcUrl, PEER_DATABASE);
        List<CommandLoad.Result> results = new ArrayList<>();
        try (CoopProcess peer = startPeer(peerUrl)) {
            Http secretariat = new Http("http://127.0.0.1:" + peer.port, "secretariat", "secretariat");
            step("the peer idle for " + IDLE.toSeconds() + " s");
            report.put("peerIdleCpuMillisPerSecond", idleCpuMillisPerSecond(peer));
            step("warming the peer up: " + WARMUP_CLIENTS + " clients for " + options.warmupSeconds()
                    + " s, not measured");
            CommandLoad.run(
                    secretariat, today, WARMUP_CLIENTS, Duration.ZERO, Duration.ofSeconds(options.warmupSeconds()));
            Cost.Meter meter = new Cost.Meter(peer::cpuMillis, null, jdbcUrl, options.jdbcUser());
            for (int level : options.concurrency()) {
                step("concurrency " + level + ": the peer (plain Axon) over HTTP");
                results.add(CommandLoad.run(secretariat, today, level, warmup, seconds, meter));
            }
        }
        return results;
    }

    /**
     * The statements and round trips of a command to Coop and to the peer, each alone on the server at
     * {@link #COST_CLIENTS} clients, connected through a {@link CountingRelay}. Each is a fresh JVM, warmed up first
     * ({@code --warmup-seconds}), so that compiling its code is not counted as a command's cost.
     */
    private Map<String, CommandLoad.Result> costs(String jdbcUrl, Duration seconds) throws Exception {
        Map<String, CommandLoad.Result> costs = new java.util.LinkedHashMap<>();
        costs.put("coop", relayed("Coop", jdbcUrl, jdbcUrl, this::startCoop, seconds));
        costs.put("peer", relayed("the peer", databaseUrl(jdbcUrl, PEER_DATABASE), jdbcUrl, this::startPeer, seconds));
        return costs;
    }

    /** Starts an application on the database of a JDBC URL. */
    private interface Starter {
        CoopProcess start(String jdbcUrl) throws InterruptedException;
    }

    /** One application alone at {@link #COST_CLIENTS} clients, its database {@code url} reached through a relay. */
    private CommandLoad.Result relayed(String name, String url, String serverUrl, Starter starter, Duration seconds)
            throws Exception {
        step("cost per command at " + COST_CLIENTS + " clients: " + name
                + " alone, through a relay counting statements");
        try (CountingRelay relay = CountingRelay.to(url);
                CoopProcess application = starter.start(relay.url(url))) {
            return CommandLoad.run(
                    new Http("http://127.0.0.1:" + application.port, "secretariat", "secretariat"),
                    today,
                    COST_CLIENTS,
                    Duration.ofSeconds(options.warmupSeconds()),
                    seconds,
                    new Cost.Meter(application::cpuMillis, relay, serverUrl, options.jdbcUser()));
        }
    }

    private static final Duration IDLE = Duration.ofSeconds(10);

    /** The CPU a started process uses with nothing asked of it (polling processors and schedulers), per second. */
    private static double idleCpuMillisPerSecond(CoopProcess process) throws InterruptedException {
        Thread.sleep(2_000);
        long before = process.cpuMillis();
        long start = System.nanoTime();
        Thread.sleep(IDLE.toMillis());
        return Math.round((process.cpuMillis() - before) / ((System.nanoTime() - start) / 1e9) * 10) / 10.0;
    }

    private CoopProcess startPeer(String jdbcUrl) throws InterruptedException {
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", jdbcUrl);
        environment.put("SPRING_DATASOURCE_USERNAME", options.jdbcUser());
        // --coop-jvm-options are Coop's (a flight recording's file, say); the peer runs on the JVM's defaults, as Coop
        // does without them
        CoopProcess peer = CoopProcess.peer(work.resolve("peer"), freePort(), environment);
        peer.awaitHealthy(Duration.ofMinutes(3));
        return peer;
    }

    /** {@code jdbcUrl} with its database replaced by {@code database}. */
    static String databaseUrl(String jdbcUrl, String database) {
        return jdbcUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + database);
    }

    /** Drops and creates {@code database} on the server of {@code jdbcUrl}; returns its URL. */
    private String freshDatabase(String jdbcUrl, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, options.jdbcUser(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        return databaseUrl(jdbcUrl, database);
    }

    static final int UPLOADS = 10;
    static final int UPLOAD_MIB = 40;

    /**
     * Ten 40 MiB documents uploaded at once to a Coop of its own, started with a heap of 256 MiB, then again with half
     * that, to show the headroom.
     */
    private void uploads(String jdbcUrl, CoopProcess running) throws Exception {
        if (running != null) {
            running.close();
        }
        for (int heap : List.of(Exports.BOUNDED_HEAP_MIB, Exports.BOUNDED_HEAP_MIB / 2)) {
            step("uploading " + UPLOADS + " documents of " + UPLOAD_MIB + " MiB at once, Coop with -Xmx" + heap + "m");
            try (CoopProcess coop = startCoop(jdbcUrl, Map.of("JAVA_TOOL_OPTIONS", "-Xmx" + heap + "m"))) {
                String base = "http://127.0.0.1:" + coop.port;
                report.uploads(Uploads.run(
                        base, new Http(base, "operator", "operator"), coop, work, UPLOADS, UPLOAD_MIB, heap));
            }
        }
    }

    private CoopProcess startCoop(String jdbcUrl) throws InterruptedException {
        return startCoop(
                jdbcUrl,
                options.coopJvmOptions() == null ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", options.coopJvmOptions()));
    }

    private CoopProcess startCoop(String jdbcUrl, Map<String, String> more) throws InterruptedException {
        Map<String, String> environment = new java.util.HashMap<>(more);
        environment.put("SPRING_DATASOURCE_URL", jdbcUrl);
        environment.put("SPRING_DATASOURCE_USERNAME", options.jdbcUser());
        // the webhook phase's receiver is in this process, on loopback
        environment.put("COOP_WEBHOOKS_ALLOWED_LOCAL_HOSTS", "localhost");
        CoopProcess coop = CoopProcess.start(options.coopJar(), work.resolve("coop"), freePort(), environment);
        coop.awaitHealthy(Duration.ofMinutes(3));
        return coop;
    }

    /**
     * The bulk-loaded history stands for years already past: reminder planning and delivery start after it, as they
     * would have handled it when it happened.
     */
    private static void skipReminderPlanning(String jdbcUrl, String user, long head) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                PreparedStatement update = connection.prepareStatement("UPDATE token_entry SET token = ?,"
                        + " token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken'"
                        + " WHERE processor_name IN ('reminder-planning', 'reminder-delivery')")) {
            update.setBytes(
                    1, ("{\"index\":" + head + ",\"gaps\":[]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            update.executeUpdate();
        }
    }

    /** The event store's head: the highest global index, 0 when empty. */
    static long head(String jdbcUrl, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long agreements(Http http) {
        // the list's totalElements stops counting at 10,000; the counts per state are exact
        return http.get("/api/v1/agreements/counts").json().get("total").asLong();
    }

    private static void awaitCaughtUp(Http operator, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            boolean caughtUp = true;
            for (JsonNode projection :
                    operator.get("/api/v1/admin/projections").json().get("projections")) {
                caughtUp &= projection.get("lag").asLong() == 0;
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the read models did not catch up within " + patience);
    }

    private static void awaitRebuilt(Http operator, String readModel, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode projection :
                    operator.get("/api/v1/admin/projections").json().get("projections")) {
                if (projection.get("name").asString().equals(readModel)
                        && !projection.get("rebuilding").asBoolean()
                        && projection.get("lag").asLong() == 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the rebuild of " + readModel + " did not finish within " + patience);
    }

    private static long memoryMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst()
                    .orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void step(String what) {
        System.out.println("· " + what);
    }
}
