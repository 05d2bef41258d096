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
 * thousands a second, so the refusals themselves cannot take the processors from the users signed in. A user name
 * that does not exist is answered the same way, as late as a password check would be ({@link AnsweredLater}).
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
        later(request, response, TimeUnit.MILLISECONDS.toNanos(pauseMillis), answer -> write(answer, refusal));
    }

    /** What to write once the time has come. */
    interface Answer {
        void write(HttpServletResponse response) throws IOException;
    }

    /**
     * Writes {@code answer} after {@code nanos}, holding no thread meanwhile (the request goes asynchronous); at once
     * when there is nothing to wait or the request cannot wait.
     */
    void later(HttpServletRequest request, HttpServletResponse response, long nanos, Answer answer) throws IOException {
        if (nanos <= 0 || !request.isAsyncSupported()) {
            answer.write(response);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(TimeUnit.NANOSECONDS.toMillis(nanos) + 30_000);
        timer.schedule(
                () -> {
                    try {
                        answer.write((HttpServletResponse) async.getResponse());
                    } catch (IOException | RuntimeException e) {
                        // the client went away meanwhile; there is no one left to answer
                    } finally {
                        async.complete();
                    }
                },
                nanos,
                TimeUnit.NANOSECONDS);
    }

    private void write(HttpServletResponse response, TooManySignIns refusal) throws IOException {
        response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        problems.write(response, ErrorCode.TOO_MANY_SIGN_INS, refusal.getMessage());
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
