package se.coop.query.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import se.coop.api.event.AgreementEvent;

/**
 * How a read model keeps a state per agreement: the states of every agreement its processor's batch has events of are
 * read in one query as the batch begins, each event is applied in memory by the read model's fold, and the states that
 * changed are written in one batch of statements as the batch's transaction commits ({@link BatchScope}). An event
 * whose fold fails leaves its agreement as the batch's earlier events left it, so the dead-letter queue parks it (with
 * the later events of its agreement) while the others go on.
 *
 * @param <S> the read model's state of one agreement
 */
public final class BatchedFolds<S> {

    /** Where the states live. */
    public interface Rows<S> {

        /**
         * Reads the states of those of the agreements that have one, in one query, and hands each to {@code found}; one
         * that cannot be read goes to {@code unreadable} (its own event then reads it again, fails, and is parked).
         */
        void readAll(Collection<String> agreementIds, BiConsumer<String, S> found, Consumer<String> unreadable);

        /** The state of one agreement, if it has one; fails when it cannot be read. */
        Optional<S> read(String agreementId);

        /** The state of an agreement the read model has not seen yet. */
        S empty(String agreementId);

        /** Writes the states that changed, together. */
        void writeAll(List<Folded<S>> changed);
    }

    /** The read model's fold: applies one event, and says whether the state changed. */
    public interface Fold<S> {
        boolean apply(S state, RecordedEvent event);
    }

    /** An agreement's state while its processor's batch lasts. */
    public static final class Folded<S> {
        private S state;
        private final List<RecordedEvent> applied = new ArrayList<>();
        private boolean changed;
        private long firstChange;

        private Folded(S state) {
            this.state = state;
        }

        public S state() {
            return state;
        }

        /** The global position of the batch's first event that changed the state. */
        public long firstChange() {
            return firstChange;
        }
    }

    private final String key;
    private final Rows<S> rows;
    private final Fold<S> fold;

    /** The folds of one read model; {@code key} names its batch (unique per read model). */
    public BatchedFolds(String key, Rows<S> rows, Fold<S> fold) {
        this.key = key;
        this.rows = rows;
        this.fold = fold;
    }

    /** Applies the event to its agreement's state within the current batch. */
    public void apply(RecordedEvent event) {
        Map<String, Folded<S>> batch = BatchScope.resource(key, this::readBatch, this::write);
        String id = event.payload().agreementId().toString();
        Folded<S> folded = batch.get(id);
        if (folded == null) {
            folded = new Folded<>(rows.read(id).orElseGet(() -> rows.empty(id)));
            batch.put(id, folded);
        }
        try {
            if (fold.apply(folded.state, event)) {
                if (!folded.changed) {
                    folded.firstChange = event.position();
                }
                folded.changed = true;
            }
            folded.applied.add(event);
        } catch (RuntimeException e) {
            // the event is parked; the agreement's state is as the batch's earlier events left it
            S before = rows.read(id).orElseGet(() -> rows.empty(id));
            for (RecordedEvent earlier : folded.applied) {
                fold.apply(before, earlier);
            }
            folded.state = before;
            throw e;
        }
    }

    /**
     * The states of every agreement the processor's batch has events of, read together as the batch begins (its first
     * event); an agreement the read model has not seen starts empty.
     */
    private Map<String, Folded<S>> readBatch() {
        Map<String, Folded<S>> batch = new LinkedHashMap<>();
        // once per unit of work: handled one event at a time (FailureIsolation), each event reads its own agreement
        if (!(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> unit)
                || unit.resources().putIfAbsent(key + ".read", Boolean.TRUE) != null) {
            return batch;
        }
        List<?> messages = unit.getMessages();
        if (messages.size() < 2) {
            return batch;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Object message : messages) {
            if (message instanceof EventMessage<?> event && event.getPayload() instanceof AgreementEvent agreement) {
                ids.add(agreement.agreementId().toString());
            }
        }
        Set<String> unseen = new LinkedHashSet<>(ids);
        rows.readAll(
                ids,
                (id, state) -> {
                    batch.put(id, new Folded<>(state));
                    unseen.remove(id);
                },
                unseen::remove);
        for (String id : unseen) {
            batch.put(id, new Folded<>(rows.empty(id)));
        }
        return batch;
    }

    private void write(Map<String, Folded<S>> batch) {
        List<Folded<S>> changed =
                batch.values().stream().filter(folded -> folded.changed).toList();
        if (!changed.isEmpty()) {
            rows.writeAll(changed);
        }
    }
}
