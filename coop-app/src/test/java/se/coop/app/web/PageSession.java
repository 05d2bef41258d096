package se.coop.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's session without the browser: cookies, the sign-in form, and forms posted as a page posts them. */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern AFTER = Pattern.compile("[?&]after=(\\d+)");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;
    /** The furthest position a form of this session wrote, as its answer's redirect names it ({@code ?after=}). */
    private long position;

    PageSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    PageSession signIn(String user) {
        String token = csrf(get("/login").body());
        HttpResponse<String> answer = post("/login", Map.of("username", user, "password", user, "_csrf", token));
        if (answer.statusCode() != 302
                || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("could not sign in as " + user + ": " + answer.statusCode());
        }
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept-Language", "sv")
                .GET());
    }

    HttpResponse<String> get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept-Language", "sv")
                .header(header, value)
                .GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, List.copyOf(form.entrySet()));
    }

    /** A form whose fields may repeat a name (checkboxes), in the order given. */
    HttpResponse<String> post(String path, List<Map.Entry<String, String>> form) {
        String body = form.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "sv")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form with a file, as a browser sends it: {@code multipart/form-data}, the fields and then the file. */
    HttpResponse<String> postWithFile(String path, Map<String, String> form, String part, String name, byte[] file) {
        String boundary = "page-test-" + java.util.UUID.randomUUID();
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "sv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        se.coop.app.support.Api.multipart(boundary, part, name, file, form))));
    }

    /** The page's own form fields (CSRF token, version) with {@code fields} added, as the browser would post them. */
    Map<String, String> formOf(String page, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf(page));
        Matcher version = VERSION.matcher(page);
        if (version.find()) {
            form.put("version", version.group(1));
        }
        form.putAll(fields);
        return form;
    }

    static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("the page has no CSRF token");
        }
        return token.group(1);
    }

    long position() {
        return position;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher after =
                    AFTER.matcher(answer.headers().firstValue("Location").orElse(""));
            if (after.find()) {
                position = Math.max(position, Long.parseLong(after.group(1)));
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
