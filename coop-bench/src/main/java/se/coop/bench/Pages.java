package se.coop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person's browser costs Coop: the register (its first page, and filtered) and an agreement's page, rendered
 * whole on the server, for an auditor signed in through the sign-in form (the session a browser keeps).
 */
final class Pages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private Pages() {}

    static QueryLoad.Result run(String base, List<String> ids, int perPage) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        signIn(client, base, "auditor");
        Map<String, Supplier<String>> pages = new LinkedHashMap<>();
        pages.put("page: register", () -> "/");
        pages.put(
                "page: register, filtered",
                () -> "/?state=IN_FORCE&country=DK&page="
                        + ThreadLocalRandom.current().nextInt(50));
        pages.put(
                "page: agreement (auditor)",
                () -> "/agreements/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
        Map<String, Latencies> byPage = new LinkedHashMap<>();
        Latencies all = new Latencies();
        int errors = 0;
        for (Map.Entry<String, Supplier<String>> page : pages.entrySet()) {
            Latencies latencies = new Latencies();
            for (int i = 0; i < perPage; i++) {
                long start = System.nanoTime();
                int status = get(client, base + page.getValue().get()).statusCode();
                long took = System.nanoTime() - start;
                if (status == 200) {
                    latencies.add(took);
                } else {
                    errors++;
                }
            }
            byPage.put(page.getKey(), latencies);
            all.addAll(latencies);
        }
        return new QueryLoad.Result(byPage, all, errors);
    }

    private static void signIn(HttpClient client, String base, String user) {
        Matcher csrf = CSRF.matcher(get(client, base + "/login").body());
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        String form = "username=" + user + "&password=" + user + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(
                client,
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(
                    "signing in as " + user + " answered " + answer.statusCode() + " " + location);
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) {
        return send(
                client,
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept-Language", "sv")
                        .GET());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
