package se.coop.app.security;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;

/**
 * Password checks (bcrypt: tens of milliseconds of CPU by design) run on a small pool of their own with a bounded
 * queue, never on the request threads' whole capacity: however many sign-ins fail at once, commands and reads keep the
 * rest of the processors. A check that finds the queue full is refused at once (429).
 */
final class PasswordChecks {

    private final ThreadPoolExecutor pool;

    PasswordChecks(int threads, int queue) {
        this.pool = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), runnable -> {
                    Thread thread = new Thread(runnable, "coop-password-check");
                    thread.setDaemon(true);
                    return thread;
                });
        this.pool.allowCoreThreadTimeOut(true);
    }

    Authentication check(Supplier<Authentication> check) {
        Future<Authentication> result;
        try {
            result = pool.submit(check::get);
        } catch (RejectedExecutionException e) {
            throw new TooManySignIns("Too many sign-ins are being checked at once; try again in a second.", 1);
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new TooManySignIns("The sign-in was interrupted; try again.", 1);
        }
    }

    /** Checks waiting for a thread. */
    int waiting() {
        return pool.getQueue().size();
    }

    void shutdown() {
        pool.shutdownNow();
    }
}
