package se.coop.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.IntegrationTest;

/**
 * Issue 28, finding 2, over HTTP: a user name that does not exist costs no password check and is answered as one
 * with a wrong password is — 401 with the same problem on the API, back to the sign-in form with an error on the
 * pages — written after the wait without holding a thread (decisions/0009).
 */
class UnknownNamesTest extends IntegrationTest {

    @Test
    void anUnknownNameIsAnsweredAsAWrongPasswordIs() throws Exception {
        Api.Answer unknown = api.withPassword("nobody-by-this-name", "guess").get("/api/v1/agreements");
        Api.Answer wrong = api.withPassword("auditor", "guess").get("/api/v1/agreements");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(unknown.header("WWW-Authenticate")).isEqualTo(wrong.header("WWW-Authenticate"));
        // found by a review: the headers came in another order for a name that does not exist
        assertThat(headerNames("nobody-by-this-name:guess")).isEqualTo(headerNames("auditor:guess"));

        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://127.0.0.1:" + port;
        String login = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(login);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> form = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=nobody-by-this-name&password=guess&_csrf=" + csrf.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    /** The names of the answer's headers in the order they came (Java's HTTP client sorts them), Date left out. */
    private java.util.List<String> headerNames(String credentials) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET /api/v1/agreements HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                                    + java.util.Base64.getEncoder()
                                            .encodeToString(
                                                    credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return java.util.Arrays.stream(
                            answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n"))
                    .skip(1)
                    .map(line -> line.substring(0, line.indexOf(':')))
                    .filter(name -> !name.equalsIgnoreCase("Date"))
                    .toList();
        }
    }
}
