package se.coop.query.support;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Work a read model gathers over the batch of events its processor handles in one unit of work (one transaction),
 * written once just before that transaction commits: one round trip for the batch instead of several per event.
 * Should the transaction roll back, the gathered work goes with it, and the batch is handled again.
 */
public final class BatchScope {

    private BatchScope() {}

    /**
     * The batch's resource under {@code key}, created on first use; {@code flush} writes it before the batch's
     * transaction commits.
     */
    public static <T> T resource(String key, Supplier<T> create, Consumer<T> flush) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("read models handle events within a unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        T existing = root.getResource(key);
        if (existing != null) {
            return existing;
        }
        T created = create.get();
        root.resources().put(key, created);
        root.onPrepareCommit(unit -> flush.accept(created));
        return created;
    }
}
