package se.coop.query.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Work a read model gathers over the batch of events its processor handles in one unit of work (one transaction),
 * written once just before that transaction commits: one round trip for the batch instead of several per event.
 * Should the transaction roll back, the gathered work goes with it, and the batch is handled again. While
 * {@link FailureIsolation} handles a batch one event at a time, each event's work is written at once ({@link #flush}).
 */
public final class BatchScope {

    private static final String KEY = BatchScope.class.getName();

    private record Gathered<T>(T resource, Consumer<T> writer) {

        void write() {
            writer.accept(resource);
        }
    }

    private BatchScope() {}

    /**
     * The batch's resource under {@code key}, created on first use; {@code flush} writes it before the batch's
     * transaction commits.
     */
    @SuppressWarnings("unchecked")
    public static <T> T resource(String key, Supplier<T> create, Consumer<T> flush) {
        Map<String, Gathered<?>> gathered = gathered();
        Gathered<?> existing = gathered.get(key);
        if (existing != null) {
            return (T) existing.resource();
        }
        T created = create.get();
        gathered.put(key, new Gathered<>(created, flush));
        return created;
    }

    /** Writes everything gathered so far, now, and starts afresh. */
    public static void flush() {
        Map<String, Gathered<?>> gathered = gathered();
        List<Gathered<?>> all = new ArrayList<>(gathered.values());
        gathered.clear();
        all.forEach(Gathered::write);
    }

    /** Forgets what was gathered since the last flush, without writing it (its event failed). */
    public static void discard() {
        gathered().clear();
    }

    private static Map<String, Gathered<?>> gathered() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("read models handle events within a unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Gathered<?>> gathered = root.getResource(KEY);
        if (gathered == null) {
            gathered = new LinkedHashMap<>();
            root.resources().put(KEY, gathered);
            root.onPrepareCommit(unit -> flush());
        }
        return gathered;
    }
}
