package se.coop.app.security;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import se.coop.api.ErrorCode;
import se.coop.app.web.ProblemResponses;

/**
 * Answers a sign-in refused for too many failures (429) only after a pause, without holding a request thread: a
 * client that ignores {@code Retry-After} and asks again at once gets one answer per pause and connection instead of
 * thousands a second, so the refusals themselves cannot take the processors from the users signed in.
 */
final class SlowRefusals {

    private final ProblemResponses problems;
    private final long pauseMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "coop-sign-in-refusals");
        thread.setDaemon(true);
        return thread;
    });

    SlowRefusals(ProblemResponses problems, Duration pause) {
        this.problems = problems;
        this.pauseMillis = pause.toMillis();
    }

    void refuse(HttpServletRequest request, HttpServletResponse response, TooManySignIns refusal) throws IOException {
        if (pauseMillis <= 0 || !request.isAsyncSupported()) {
            write(response, refusal);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(pauseMillis + 30_000);
        timer.schedule(
                () -> {
                    try {
                        write((HttpServletResponse) async.getResponse(), refusal);
                    } catch (IOException | RuntimeException e) {
                        // the client went away meanwhile; there is no one left to answer
                    } finally {
                        async.complete();
                    }
                },
                pauseMillis,
                TimeUnit.MILLISECONDS);
    }

    private void write(HttpServletResponse response, TooManySignIns refusal) throws IOException {
        response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        problems.write(response, ErrorCode.TOO_MANY_SIGN_INS, refusal.getMessage());
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
