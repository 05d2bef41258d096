package se.coop.query.extract;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;

/**
 * How many heavy extracts — a dossier (PDF or JSON), an archive package, the register's export — run at once on this
 * node and for one user: at most {@code coop.extracts.at-once} on the node (2 by default: each takes a processor and,
 * for a large dossier, hundreds of megabytes), and {@code coop.extracts.per-user} for one user (1). One more waits its
 * turn up to {@code coop.extracts.wait} (10 s by default) for the node; a user's own second one, or a turn that does
 * not come in time, is refused at once with 429 {@code TOO_MANY_REQUESTS} and {@code Retry-After}, writing nothing.
 */
@Component
public class HeavyExtracts {

    /**
     * The limits, under {@code coop.extracts}; and when an extract is made in the background ({@link ExtractJobs}):
     * when it would take longer than {@code answer-within} (30 s), judged by its size — its dossier's rows at
     * {@code rows-per-second} (what a render does on two cores, docs/performance.md) and a second for each 100 MB of
     * documents a package carries — its file then kept {@code keep} (a day) after it is done.
     */
    @ConfigurationProperties("coop.extracts")
    public record Limits(
            Integer atOnce,
            Integer perUser,
            Duration waitForTurn,
            Duration answerWithin,
            Integer rowsPerSecond,
            Duration keep) {
        public Limits {
            atOnce = atOnce == null ? 2 : atOnce;
            perUser = perUser == null ? 1 : perUser;
            waitForTurn = waitForTurn == null ? Duration.ofSeconds(10) : waitForTurn;
            answerWithin = answerWithin == null ? Duration.ofSeconds(30) : answerWithin;
            rowsPerSecond = rowsPerSecond == null ? 500 : rowsPerSecond;
            keep = keep == null ? Duration.ofDays(1) : keep;
            if (atOnce < 1
                    || perUser < 1
                    || waitForTurn.isNegative()
                    || answerWithin.isNegative()
                    || rowsPerSecond < 1
                    || keep.isNegative()) {
                throw new IllegalArgumentException(
                        "coop.extracts: at-once, per-user and rows-per-second at least 1, the times not negative");
            }
        }
    }

    /** A turn taken: closed when the extract is written (or failed). */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    private final Limits limits;
    private final Semaphore node;
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inBackground = new ConcurrentHashMap<>();

    HeavyExtracts(Limits limits) {
        this.limits = limits;
        this.node = new Semaphore(limits.atOnce(), true);
    }

    /** Takes a turn for {@code user}'s {@code what}, waiting for the node's up to the limit, or refuses (429). */
    public Turn take(String user, String what) {
        String who = user == null ? "" : user;
        AtomicInteger own = running.computeIfAbsent(who, key -> new AtomicInteger());
        if (own.incrementAndGet() > limits.perUser()) {
            own.decrementAndGet();
            throw new CoopProblem(
                    ErrorCode.TOO_MANY_REQUESTS,
                    "You have " + limits.perUser() + " heavy extract(s) being made already; ask for the " + what
                            + " when it is done.",
                    null,
                    5);
        }
        boolean turn;
        try {
            turn = node.tryAcquire(limits.waitForTurn().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            own.decrementAndGet();
            throw new CoopProblem(
                    ErrorCode.TOO_MANY_REQUESTS,
                    limits.atOnce() + " heavy extracts are being made on this node; ask for the " + what + " again in a"
                            + " moment.",
                    null,
                    Math.max(1, limits.waitForTurn().toSeconds()));
        }
        return new Held(who, own);
    }

    /**
     * Hands {@code turn} (this request's) over to a job made in the background: it keeps the node's turn until it
     * ends, but no longer counts as the user's request, so the user may have a small extract answered meanwhile; a user
     * has one job in the background at a time (another is 429 until it ends). Returns the job's turn.
     */
    public Turn inBackground(Turn turn, String what) {
        Held held = (Held) turn;
        AtomicInteger jobs = inBackground.computeIfAbsent(held.user, key -> new AtomicInteger());
        if (jobs.incrementAndGet() > 1) {
            jobs.decrementAndGet();
            throw new CoopProblem(
                    ErrorCode.TOO_MANY_REQUESTS,
                    "You have an extract being made in the background already (/api/v1/extracts); ask for the " + what
                            + " when it is done, or cancel it.",
                    null,
                    5);
        }
        // from now on the request's turn is the job's: closing the request's does nothing
        held.handedOver = true;
        held.own.decrementAndGet();
        return new Turn() {
            private final java.util.concurrent.atomic.AtomicBoolean closed =
                    new java.util.concurrent.atomic.AtomicBoolean();

            @Override
            public void close() {
                if (closed.compareAndSet(false, true)) {
                    node.release();
                    jobs.decrementAndGet();
                }
            }
        };
    }

    /** A request's turn: the node's and one of its user's. */
    private final class Held implements Turn {
        private final String user;
        private final AtomicInteger own;
        private volatile boolean handedOver;

        Held(String user, AtomicInteger own) {
            this.user = user;
            this.own = own;
        }

        @Override
        public void close() {
            if (!handedOver) {
                node.release();
                own.decrementAndGet();
            }
        }
    }

    /** The limits. */
    public Limits limits() {
        return limits;
    }

    /** Extracts being made on this node now. */
    public int running() {
        return limits.atOnce() - node.availablePermits();
    }
}
