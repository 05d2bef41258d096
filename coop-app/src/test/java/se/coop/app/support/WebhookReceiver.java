package se.coop.app.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A webhook receiver as a case system runs one: a real HTTP server on 127.0.0.1 that keeps every request it gets and
 * answers as the test says — a status, no answer at all (it hangs until released), or a 200 whose body never ends.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as received: its headers of interest and its body. */
    public record Received(String id, String timestamp, String signature, String contentType, String body) {}

    /** Answer a request with this to hang instead. */
    public static final int HANG = -1;

    /** Answer a request with this to answer 200 and then trickle the body, a byte at a time, until released. */
    public static final int TRICKLE = -2;

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Function<Received, Integer> answer = request -> 200;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Received request = new Received(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8));
            received.add(request);
            int status = answer.apply(request);
            if (status == HANG) {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            if (status == TRICKLE) {
                exchange.sendResponseHeaders(200, 0);
                try (var out = exchange.getResponseBody()) {
                    while (!released.await(100, TimeUnit.MILLISECONDS)) {
                        out.write('x');
                        out.flush();
                    }
                } catch (IOException e) {
                    // the sender hung up, as it should
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL to subscribe, on {@code localhost} (the host the tests allow plain http and loopback for). */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hooks/coop";
    }

    public void answer(Function<Received, Integer> answer) {
        this.answer = answer;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
