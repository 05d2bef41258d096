package se.coop.query.readmodel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure one event a read model cannot process never stops it. Events are handled in batches whose writes go to
 * the database together ({@link BatchScope}); when such a batch fails — the database refused a write, or a failing
 * statement left the transaction unable to park the event — it is rolled back, and its segment handles the batch again
 * one event at a time: each event in a savepoint of its own, its writes made at once. The event that fails then fails
 * alone, its savepoint is rolled back, and the dead-letter queue parks it (with the later events of its agreement)
 * while the others go on. Once such a batch has committed, the segment batches again.
 */
@Component
public class FailureIsolation {

    private static final Logger log = LoggerFactory.getLogger(FailureIsolation.class);
    private static final String REGISTERED = FailureIsolation.class.getName();

    private final Set<String> oneAtATime = ConcurrentHashMap.newKeySet();
    private final TransactionTemplate savepoint;

    public FailureIsolation(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Handles one event of {@code readModel}'s batch: gathered with the batch, or alone when the batch failed before. */
    public void handle(String readModel, Runnable handling) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        String segment = readModel + "/" + root.getResource("Processor[" + readModel + "]/SegmentId");
        if (root.getResource(REGISTERED) == null) {
            root.resources().put(REGISTERED, Boolean.TRUE);
            root.onRollback(unit -> {
                if (oneAtATime.add(segment)) {
                    log.warn(
                            "A batch of read model {} failed and was rolled back; it is handled again one event at a"
                                    + " time, so that an event that cannot be processed is parked alone",
                            segment);
                }
            });
            root.afterCommit(unit -> oneAtATime.remove(segment));
        }
        if (!oneAtATime.contains(segment)) {
            handling.run();
            return;
        }
        savepoint.executeWithoutResult(status -> {
            try {
                handling.run();
                BatchScope.flush();
            } catch (RuntimeException e) {
                BatchScope.discard();
                throw e;
            }
        });
    }
}
