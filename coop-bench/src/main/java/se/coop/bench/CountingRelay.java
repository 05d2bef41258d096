package se.coop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay between an application and its PostgreSQL that counts, on every connection, what the application asks
 * of the database: statements (the frontend protocol's {@code Execute} and {@code Query} messages, so {@code BEGIN}
 * and {@code COMMIT} too, each statement of a batch once) and round trips (each time the application speaks again after
 * the server has answered). It counts at the wire, so Coop and the peer are counted alike and neither needs code for
 * it; the relay's own work is the bench's, not the application's.
 */
final class CountingRelay implements AutoCloseable {

    /** The untyped requests before the startup message: SSL and GSS encryption. */
    private static final int SSL_REQUEST = 80877103;

    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket server;
    private final String host;
    private final int port;
    private final LongAdder statements = new LongAdder();
    private final LongAdder roundTrips = new LongAdder();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private CountingRelay(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay to the server of {@code jdbcUrl}; {@link #url} is the URL through it. */
    static CountingRelay to(String jdbcUrl) {
        Matcher address = Pattern.compile("//([^/:?]+):(\\d+)/").matcher(jdbcUrl);
        if (!address.find()) {
            throw new IllegalArgumentException("no host and port in " + jdbcUrl);
        }
        try {
            return new CountingRelay(address.group(1), Integer.parseInt(address.group(2)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code jdbcUrl} through this relay, unencrypted, so that its messages can be read. */
    String url(String jdbcUrl) {
        String through = jdbcUrl.replaceFirst("//[^/:?]+:\\d+/", "//127.0.0.1:" + server.getLocalPort() + "/");
        return through + (through.contains("?") ? "&" : "?") + "sslmode=disable&gssEncMode=disable";
    }

    long statements() {
        return statements.sum();
    }

    long roundTrips() {
        return roundTrips.sum();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket database = new Socket(host, port);
                client.setTcpNoDelay(true);
                database.setTcpNoDelay(true);
                open.add(client);
                open.add(database);
                AtomicBoolean answered = new AtomicBoolean(true);
                start("relay-up", () -> up(client, database, answered));
                start("relay-down", () -> down(database, client, answered));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("relay: " + e);
                }
            }
        }
    }

    private static void start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Application to database: copied as it comes, read for its messages. */
    private void up(Socket from, Socket to, AtomicBoolean answered) {
        Messages messages = new Messages();
        byte[] buffer = new byte[65536];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (answered.getAndSet(false)) {
                    roundTrips.increment();
                }
                out.write(buffer, 0, read);
                messages.feed(buffer, read);
            }
        } catch (IOException e) {
            // a connection closed by either side ends its relay
        } finally {
            closeQuietly(from, to);
        }
    }

    /** Database to application: copied as it comes; any answer ends the application's turn. */
    private void down(Socket from, Socket to, AtomicBoolean answered) {
        byte[] buffer = new byte[65536];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                answered.set(true);
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // as above
        } finally {
            closeQuietly(from, to);
        }
    }

    private void closeQuietly(Socket... sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
            open.remove(socket);
        }
    }

    /**
     * The frontend protocol read as a stream: untyped requests (length, code) until the startup message, then typed
     * messages (a type byte, a length that counts itself); only the headers are read, the bodies skipped.
     */
    private final class Messages {
        private boolean typed;
        private final byte[] header = new byte[8];
        private int filled;
        private long skip;

        void feed(byte[] bytes, int length) {
            int i = 0;
            while (i < length) {
                if (skip > 0) {
                    int n = (int) Math.min(skip, length - i);
                    skip -= n;
                    i += n;
                    continue;
                }
                header[filled++] = bytes[i++];
                if (typed && filled == 5) {
                    filled = 0;
                    byte type = header[0];
                    if (type == 'E' || type == 'Q') {
                        statements.increment();
                    }
                    skip = integer(1) - 4L;
                } else if (!typed && filled == 8) {
                    filled = 0;
                    int code = integer(4);
                    skip = integer(0) - 8L;
                    typed = code != SSL_REQUEST && code != GSS_REQUEST;
                }
            }
        }

        private int integer(int at) {
            return ((header[at] & 0xff) << 24)
                    | ((header[at + 1] & 0xff) << 16)
                    | ((header[at + 2] & 0xff) << 8)
                    | (header[at + 3] & 0xff);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        open.forEach(socket -> closeQuietly(socket));
    }
}
