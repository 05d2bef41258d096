package se.coop.app.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import se.coop.app.CoopApplication;

/**
 * A Coop node in a JVM of its own (the test class path, its output in a log file), for what cannot happen to a node
 * inside the test's JVM: {@code kill -9}.
 */
public final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Api api;

    private NodeProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.api = new Api(port);
    }

    /** Starts a node on a free port with {@code arguments}, and waits until it is healthy. */
    public static NodeProcess start(Path log, String... arguments) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    CoopApplication.class.getName(),
                    "--server.port=" + port));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            NodeProcess node = new NodeProcess(process, log, port);
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(node::healthy);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api api() {
        return api;
    }

    /** The node's health as a load balancer sees it: 200 when up, 503 when it cannot serve. */
    public int health() {
        return api.anonymous().get("/actuator/health").status();
    }

    private boolean healthy() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the node exited: " + Files.readString(log));
        }
        try {
            return health() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** {@code kill -9}: the node gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the node did not die");
        }
    }

    /** Stops the node as an operator would (SIGTERM), forcibly after a minute. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
