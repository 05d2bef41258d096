package se.coop.app.security;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;

/**
 * Password checks (bcrypt: tens of milliseconds of CPU by design) run on a small pool of their own with a bounded
 * queue, never on the request threads' whole capacity: however many sign-ins fail at once, commands and reads keep the
 * rest of the processors. A check that finds the queue full is refused at once (429). A user signing in where they
 * signed in before has a lane of its own (one thread, its own queue), so a flood on the ordinary lane does not hold
 * them back (decisions/0009).
 *
 * <p>How long each check took, from asking to answer, is kept (the last {@link #KEPT}): a name that does not exist is
 * answered after a time drawn from them, so that it costs no check and is answered as late as a check would be.
 */
final class PasswordChecks {

    static final int KEPT = 256;

    private final ThreadPoolExecutor pool;
    private final ThreadPoolExecutor trusted;
    private final long[] took = new long[KEPT];
    private int taken;

    PasswordChecks(int threads, int queue) {
        this.pool = pool(threads, queue, "coop-password-check");
        this.trusted = pool(1, queue, "coop-password-check-known");
    }

    private static ThreadPoolExecutor pool(int threads, int queue, String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), runnable -> {
                    Thread thread = new Thread(runnable, name);
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    Authentication check(Supplier<Authentication> check) {
        return check(check, false);
    }

    /** Runs the check on the ordinary lane, or on the lane of users signing in where they did before. */
    Authentication check(Supplier<Authentication> check, boolean knownNetwork) {
        long asked = System.nanoTime();
        Future<Authentication> result;
        try {
            result = (knownNetwork ? trusted : pool).submit(check::get);
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
        } finally {
            if (!knownNetwork) {
                record(System.nanoTime() - asked);
            }
        }
    }

    private synchronized void record(long nanos) {
        took[taken++ % KEPT] = nanos;
    }

    /** How long a check on the ordinary lane took, drawn from the recent ones; 0 before any. */
    synchronized long aCheckTook() {
        int kept = Math.min(taken, KEPT);
        return kept == 0 ? 0 : took[ThreadLocalRandom.current().nextInt(kept)];
    }

    /** Checks waiting for a thread. */
    int waiting() {
        return pool.getQueue().size() + trusted.getQueue().size();
    }

    void shutdown() {
        pool.shutdownNow();
        trusted.shutdownNow();
    }
}
