package se.coop.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for Coop on a random port, as curl would call it. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The address requests go to: {@code http://127.0.0.1:<port>}. */
    public String base() {
        return base;
    }

    /** An answer: status, headers and the body (parsed when it is JSON). */
    public record Answer(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** An answer to a request sent byte for byte as given: status and body. */
    /** A binary answer. */
    public record Download(int status, HttpResponse<byte[]> raw) {

        public byte[] bytes() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The body read as JSON (a problem, say). */
        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + " (" + raw.body().length + " bytes)";
        }
    }

    public record Raw(int status, String head, String body) {

        public String header(String name) {
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return null;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /**
     * A GET sent over a plain socket with its target exactly as given — also targets that {@link URI} refuses (a
     * {@code %} without its two hex digits) — as {@code user} (password = name), or anonymously when null.
     */
    public Raw rawGet(String target, String user) {
        return raw("GET " + target + " HTTP/1.1", user, List.of(), null);
    }

    /**
     * A request sent byte for byte: its request line, {@code Host} (unless {@code headers} name one), credentials of
     * {@code user} when not null, the header lines given, and a UTF-8 body when not null.
     */
    public Raw raw(String requestLine, String user, List<String> headers, String body) {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            StringBuilder request = new StringBuilder(requestLine + "\r\n");
            if (headers.stream().noneMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5))) {
                request.append("Host: ").append(uri.getHost()).append("\r\n");
            }
            if (user != null) {
                request.append("Authorization: Basic ")
                        .append(Base64.getEncoder()
                                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                        .append("\r\n");
            }
            headers.forEach(header -> request.append(header).append("\r\n"));
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            byte[] response = socket.getInputStream().readAllBytes();
            String head = new String(response, StandardCharsets.ISO_8859_1);
            int bodyAt = head.indexOf("\r\n\r\n") + 4;
            int status = Integer.parseInt(head.substring(9, 12));
            String headLines = head.substring(0, bodyAt);
            boolean chunked = headLines.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            if (!chunked) {
                answer.write(response, bodyAt, response.length - bodyAt);
            } else {
                int at = bodyAt;
                while (true) {
                    int lineEnd = head.indexOf("\r\n", at);
                    int size = Integer.parseInt(head.substring(at, lineEnd).strip(), 16);
                    if (size == 0) {
                        break;
                    }
                    answer.write(response, lineEnd + 2, size);
                    at = lineEnd + 2 + size + 2;
                }
            }
            return new Raw(status, headLines, answer.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart/form-data body: one file part and text fields, as a browser sends a form. */
    public static byte[] multipart(
            String boundary, String part, String fileName, byte[] bytes, Map<String, String> fields) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(part)
                .append("\"; filename=\"")
                .append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    public Request as(String user) {
        return new Request(user, user);
    }

    public Request anonymous() {
        return new Request(null, null);
    }

    public Request withPassword(String user, String password) {
        return new Request(user, password);
    }

    public Request bearer(String token) {
        Request request = new Request(null, null);
        request.headers.put("Authorization", "Bearer " + token);
        return request;
    }

    public final class Request {

        private final Map<String, String> headers = new LinkedHashMap<>();

        private Request(String user, String password) {
            if (user != null) {
                String basic =
                        Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
                headers.put("Authorization", "Basic " + basic);
            }
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Answer get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        /** A download: its status, headers and body as bytes. */
        public Download download(String path) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path)).GET();
            headers.forEach(request::header);
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Download(response.statusCode(), response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public Answer head(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        }

        public Answer delete(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
        }

        public Answer post(String path, String json) {
            return post(path, json, "application/json");
        }

        public Answer put(String path, Object body) {
            return put(path, JSON.writeValueAsString(body));
        }

        public Answer put(String path, String json) {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        public Answer post(String path, String body, String contentType) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .POST(
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return send(request);
        }

        /** Bytes as they are, broken encodings included; no {@code Content-Type} when it is null. */
        public Answer post(String path, byte[] body, String contentType) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return send(request);
        }

        public Answer post(String path, Object body) {
            return post(path, JSON.writeValueAsString(body));
        }

        /** A file uploaded as {@code multipart/form-data}: the part {@code file} named {@code fileName}. */
        public Answer upload(String path, String fileName, byte[] bytes) {
            return upload(path, "file", fileName, bytes, Map.of());
        }

        /** A file uploaded as {@code multipart/form-data} in chunks, without saying its length beforehand. */
        public Answer uploadChunked(String path, String fileName, byte[] bytes) {
            String boundary = "coop-test-" + java.util.UUID.randomUUID();
            byte[] body = multipart(boundary, "file", fileName, bytes, Map.of());
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))));
        }

        /** A multipart form: the file in part {@code part}, then the text fields given. */
        public Answer upload(String path, String part, String fileName, byte[] bytes, Map<String, String> fields) {
            String boundary = "coop-test-" + java.util.UUID.randomUUID();
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, part, fileName, bytes, fields))));
        }

        private Answer send(HttpRequest.Builder request) {
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
