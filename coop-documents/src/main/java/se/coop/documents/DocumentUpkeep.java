package se.coop.documents;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.coop.api.CoopProblem;

/**
 * The store's upkeep, once across the nodes (a db-scheduler recurring task every {@code coop.documents.scrub.interval}):
 * a PDF/A check left pending by a node that stopped is taken up again, and the scrub reads every held document again —
 * each chunk against its own SHA-256 and the whole against the document's — at most {@code scrub.bytes-per-second}, so
 * that each is re-checked at least every {@code scrub.every}. What it finds is on the operator page and in health.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentUpkeep {

    static final String TASK = "coop-document-upkeep";

    private static final Logger log = LoggerFactory.getLogger(DocumentUpkeep.class);

    /** What one pass of the scrub did: the documents it read whole, and those it found damaged. */
    public record Pass(int whole, int damaged) {}

    private final DocumentStore store;
    private final PdfAChecks pdfa;
    private final DocumentSettings settings;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DocumentUpkeep(DocumentStore store, PdfAChecks pdfa, DocumentSettings settings, JdbcTemplate jdbc, Clock clock) {
        this.store = store;
        this.pdfa = pdfa;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> documentUpkeepTask() {
        return Tasks.recurring(TASK, Schedules.fixedDelay(settings.scrub().interval()))
                .execute((instance, context) -> run());
    }

    void run() {
        resumePdfAChecks();
        Pass pass = scrub(settings.scrub().interval().multipliedBy(4).dividedBy(5));
        if (pass.whole() + pass.damaged() > 0) {
            log.debug("Scrub: {} documents whole, {} damaged", pass.whole(), pass.damaged());
        }
    }

    /** PDF/A checks still pending well past their budget: their node stopped, so they are done here. */
    public void resumePdfAChecks() {
        Instant before = clock.instant()
                .minus(settings.pdfa().timeBudget().multipliedBy(2))
                .minus(Duration.ofMinutes(1));
        store.pendingPdfA(before).forEach(pdfa::check);
    }

    /**
     * Reads the documents due (never scrubbed, scrubbed longer than {@code scrub.every} ago, or found damaged), oldest
     * first, for at most {@code budget}, at the configured pace.
     */
    public Pass scrub(Duration budget) {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        Throttle throttle = new Throttle(settings.scrub().bytesPerSecond().toBytes());
        int whole = 0;
        int damaged = 0;
        for (String sha256 : due(50)) {
            if (System.nanoTime() > deadline) {
                break;
            }
            try {
                long size = store.require(sha256).document().size();
                if (size > 0) {
                    store.copy(sha256, 0, size - 1, throttle);
                }
                store.scrubbed(sha256);
                whole++;
            } catch (CoopProblem e) {
                // recorded as damage by the store (or culled meanwhile); the next goes on
                damaged++;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new Pass(whole, damaged);
    }

    private List<String> due(int limit) {
        return jdbc.queryForList(
                "SELECT sha256 FROM document WHERE culled_at IS NULL AND (scrubbed_at IS NULL OR scrubbed_at < ?"
                        + " OR damaged_at IS NOT NULL) ORDER BY scrubbed_at NULLS FIRST LIMIT ?",
                String.class,
                Timestamp.from(clock.instant().minus(settings.scrub().every())),
                limit);
    }

    /** Where the scrub reads to: nowhere, at no more than a given number of bytes a second. */
    private static final class Throttle extends OutputStream {

        private final long bytesPerSecond;
        private final long started = System.nanoTime();
        private long written;

        Throttle(long bytesPerSecond) {
            this.bytesPerSecond = Math.max(1, bytesPerSecond);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            written += length;
            long due = started + written * 1_000_000_000L / bytesPerSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }
}
