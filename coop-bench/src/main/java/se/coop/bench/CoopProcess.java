package se.coop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Coop started from its jar as a user would ({@code java -jar}), or the peer from the bench's class path, its output
 * in a log file.
 */
final class CoopProcess implements AutoCloseable {

    private final Process process;
    private final long startedAt;
    private final Http probe;
    final int port;
    final Path log;

    private CoopProcess(Process process, long startedAt, int port, Path log) {
        this.process = process;
        this.startedAt = startedAt;
        this.port = port;
        this.log = log;
        this.probe = new Http("http://127.0.0.1:" + port, "operator", "operator");
    }

    static CoopProcess start(Path jar, Path workDir, int port, Map<String, String> environment, String... arguments) {
        return start(List.of("-jar", jar.toAbsolutePath().toString()), "coop", workDir, port, environment, arguments);
    }

    /**
     * The peer ({@code se.coop.bench.peer}) from the bench's own class path: through Spring Boot's
     * {@code PropertiesLauncher} when the bench runs as its jar, by its main class otherwise.
     */
    static CoopProcess peer(Path workDir, int port, Map<String, String> environment) {
        String classPath = System.getProperty("java.class.path");
        String main = "se.coop.bench.peer.PeerApplication";
        List<String> launch = classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)
                ? List.of(
                        "-cp",
                        classPath,
                        "-Dloader.main=" + main,
                        "org.springframework.boot.loader.launch.PropertiesLauncher")
                : List.of("-cp", classPath, main);
        return start(launch, "peer", workDir, port, environment);
    }

    private static CoopProcess start(
            List<String> launch,
            String name,
            Path workDir,
            int port,
            Map<String, String> environment,
            String... arguments) {
        try {
            Files.createDirectories(workDir);
            Path log = workDir.resolve(name + "-" + port + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(launch);
            command.add("--server.port=" + port);
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("COOP_"));
            builder.environment().putAll(environment);
            long startedAt = System.nanoTime();
            return new CoopProcess(builder.start(), startedAt, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + launch, e);
        }
    }

    /** Waits until {@code /actuator/health} answers 200; returns the time from the start of the process. */
    Duration awaitHealthy(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Coop exited with " + process.exitValue() + "; see " + log);
            }
            if (probe.probe("/actuator/health") == 200) {
                return Duration.ofNanos(System.nanoTime() - startedAt);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Coop was not healthy within " + patience + "; see " + log);
    }

    /**
     * The CPU time the Java process has used so far, all its threads, user and system, in milliseconds
     * ({@code /proc/<pid>/stat}, in clock ticks of 10 ms).
     */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resident memory of the Java process, and its peak, in MiB ({@code /proc/<pid>/status}). */
    long[] residentMiB() {
        return residentMiB(process.pid());
    }

    /**
     * Resident memory of everything Coop started: the JVM and, in the zero-setup default, its PostgreSQL. The
     * postmaster detaches from Coop, so it is found through its pid file in {@code postgresData}. PostgreSQL's
     * processes share their buffers, so they are counted by proportional set size (each shared page once).
     */
    long familyResidentMiB(Path postgresData) {
        long total = residentMiB(process.pid())[0];
        try {
            Path pidFile = postgresData.resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                long postmaster =
                        Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                Optional<ProcessHandle> handle = ProcessHandle.of(postmaster);
                if (handle.isPresent()) {
                    long kib = proportionalKiB(postmaster);
                    for (ProcessHandle child : handle.get().descendants().toList()) {
                        kib += proportionalKiB(child.pid());
                    }
                    total += kib / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return total;
    }

    private static long proportionalKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static long[] residentMiB(long pid) {
        long rss = 0;
        long peak = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
        return new long[] {rss, peak};
    }

    /** Stops Coop as an operator would (SIGTERM, graceful), forcibly after a minute. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
