package se.coop.bench;

import java.nio.file.Path;
import java.util.List;

/** The command line. */
record Options(
        Path coopJar,
        String coopUrl,
        String jdbcUrl,
        String jdbcUser,
        boolean quick,
        Path out,
        List<Integer> concurrency,
        int agreements,
        int seconds,
        boolean commandsOnly,
        boolean webhooksOnly,
        boolean authFloodOnly,
        boolean extractsOnly,
        boolean readsOnly,
        boolean uploadsOnly,
        boolean dossierOnly,
        int dossierDocuments,
        int dossierReviews,
        int dossierSummaryChars,
        String dossierAgreement,
        String coopJvmOptions,
        boolean withoutPeer,
        int warmupSeconds) {

    static final String USAGE = """
            java -jar coop-bench/target/coop-bench.jar --coop-jar coop-app/target/coop-app.jar [--quick] [--out FILE]
              --coop-jar PATH    the Coop to start (cold start, memory, and the instance measured)
              --coop-url URL     or an already running Coop (then --jdbc-url names its database)
              --jdbc-url URL     the PostgreSQL to use (default: one the bench starts, durable settings)
              --jdbc-user NAME   its user (default postgres)
              --quick            small data, short phases: about three minutes
              --out FILE         also write the results as JSON
              --concurrency LIST client counts, e.g. 1,4,16 (default 1,2,4,8,16,32; quick 1,4)
              --agreements N     agreements in the event store for queries and rebuilds (default 120000; quick 3000)
              --seconds N        measured seconds per concurrency level (default 20; quick 6)
              --commands-only    only the command load, its baseline, the peer (plain Axon) and what a command
                                 costs each (no cold start, history, queries, rebuilds)
              --without-peer     leave out the peer and the relay's counts (Coop's CPU and WAL per command stay)
              --warmup-seconds N unmeasured load at 4 clients before Coop's and the peer's first level, and before
                                 the relay phase (default 60, at least --seconds; quick 6): a JVM's first minute
                                 compiles, and costs twice the CPU per command of its later ones
              --webhooks-only    only the webhook phase: commands with and without a subscription, delivery lag
              --auth-flood       only the failed sign-in flood: commands and a sign-in probe alone, then with 8
                                 clients guessing from one address, then from 65,536 (give the Coop measured the
                                 probe users: --spring.config.additional-location=file:coop-bench/auth-flood-users.yml)
              --extracts-only    only the history and the register's CSV and Excel exports (time, memory)
              --reads-only       only the history, its catch-up, queries, pages and rebuilds (no cold start, no
                                 command load, no exports)
              --uploads-only     only the documents: ten 40 MiB PDFs uploaded at once to a Coop with -Xmx256m
              --dossier-only     only one large agreement's dossier as PDF: pages, pages per second, heap per 100 pages
              --dossier-documents N  documents attached to it (default 600; quick 60)
              --dossier-reviews N    meetings held (default 150; quick 15)
              --dossier-summary-chars N  the length of each meeting's summary (default 60; at most 4000)
              --dossier-agreement ID     render the dossier of this agreement, made by an earlier run, instead
              --coop-jvm-options "OPTS"  JVM options for the Coop the bench starts on its PostgreSQL (JAVA_TOOL_OPTIONS,
                                 not the peer's),
                                 e.g. a flight recording: "-XX:StartFlightRecording=filename=coop.jfr,settings=profile"
            """;

    static Options parse(String[] args) {
        Path jar = null;
        String url = null;
        String jdbc = null;
        String user = "postgres";
        boolean quick = false;
        Path out = null;
        List<Integer> concurrency = null;
        Integer agreements = null;
        Integer seconds = null;
        boolean commandsOnly = false;
        boolean withoutPeer = false;
        Integer warmup = null;
        boolean webhooksOnly = false;
        boolean authFloodOnly = false;
        boolean extractsOnly = false;
        boolean readsOnly = false;
        boolean uploadsOnly = false;
        boolean dossierOnly = false;
        Integer dossierDocuments = null;
        Integer dossierReviews = null;
        int dossierSummaryChars = 60;
        String dossierAgreement = null;
        String coopJvmOptions = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--coop-jar" -> jar = Path.of(value(args, ++i, arg));
                case "--coop-url" -> url = value(args, ++i, arg);
                case "--jdbc-url" -> jdbc = value(args, ++i, arg);
                case "--jdbc-user" -> user = value(args, ++i, arg);
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--concurrency" ->
                    concurrency = java.util.Arrays.stream(value(args, ++i, arg).split(","))
                            .map(String::strip)
                            .map(Integer::valueOf)
                            .toList();
                case "--agreements" -> agreements = Integer.valueOf(value(args, ++i, arg));
                case "--seconds" -> seconds = Integer.valueOf(value(args, ++i, arg));
                case "--commands-only" -> commandsOnly = true;
                case "--without-peer" -> withoutPeer = true;
                case "--warmup-seconds" -> warmup = Integer.valueOf(value(args, ++i, arg));
                case "--webhooks-only" -> webhooksOnly = true;
                case "--auth-flood" -> authFloodOnly = true;
                case "--extracts-only" -> extractsOnly = true;
                case "--reads-only" -> readsOnly = true;
                case "--uploads-only" -> uploadsOnly = true;
                case "--dossier-only" -> dossierOnly = true;
                case "--dossier-documents" -> dossierDocuments = Integer.valueOf(value(args, ++i, arg));
                case "--dossier-reviews" -> dossierReviews = Integer.valueOf(value(args, ++i, arg));
                case "--dossier-summary-chars" -> dossierSummaryChars = Integer.parseInt(value(args, ++i, arg));
                case "--dossier-agreement" -> dossierAgreement = value(args, ++i, arg);
                case "--coop-jvm-options" -> coopJvmOptions = value(args, ++i, arg);
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (jar == null && url == null) {
            throw new IllegalArgumentException("name a Coop: --coop-jar PATH or --coop-url URL");
        }
        if (url != null && jdbc == null) {
            throw new IllegalArgumentException("with --coop-url, --jdbc-url must name Coop's database");
        }
        return new Options(
                jar,
                url,
                jdbc,
                user,
                quick,
                out,
                concurrency != null ? concurrency : quick ? List.of(1, 4) : List.of(1, 2, 4, 8, 16, 32),
                agreements != null ? agreements : quick ? 3_000 : 120_000,
                seconds != null ? seconds : quick ? 6 : 20,
                commandsOnly,
                webhooksOnly,
                authFloodOnly,
                extractsOnly,
                readsOnly,
                uploadsOnly,
                dossierOnly,
                dossierDocuments != null ? dossierDocuments : quick ? 60 : 600,
                dossierReviews != null ? dossierReviews : quick ? 15 : 150,
                dossierSummaryChars,
                dossierAgreement,
                coopJvmOptions,
                withoutPeer,
                warmup != null ? warmup : quick ? 6 : Math.max(60, seconds != null ? seconds : 20));
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }
}
