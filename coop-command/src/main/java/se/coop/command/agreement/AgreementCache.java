package se.coop.command.agreement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Agreements kept in memory from one command to the next, so that a command need not read and replay its agreement's
 * events — used only when what is kept is exactly the stream's head as the command read it under the agreement's lock
 * ({@link #expect}). What another node appended, a rolled-back command, a deadline that fired without the guard: each
 * leaves the kept agreement behind the head, and it is then loaded from the event store as before. An agreement is kept
 * only once its command has committed, at the head that command's answer read ({@link #committed}).
 *
 * <p>It is the {@link Cache} of Axon's caching repository for {@link Agreement} ({@link AgreementModule}), which puts
 * an agreement while saving it and removes it when a unit of work that loaded it rolls back; this class holds back
 * each put until the commit and checks each get against the head. At most {@code capacity} agreements are kept, the
 * least recently used dropped first.
 */
public final class AgreementCache implements Cache {

    private static final String EXPECTED = "coop.agreement-cache.expected:";
    private static final String COMMITTED = "coop.agreement-cache.committed:";

    /** What Axon's repository put, and the stream's version (its number of events) it stands at. */
    private record Kept(Object entry, long version) {}

    private final Map<Object, Kept> kept;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public AgreementCache(int capacity) {
        this.kept = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Kept> eldest) {
                return size() > capacity;
            }
        });
    }

    /**
     * The command in {@code unitOfWork} read the stream of {@code agreementId} at {@code version} (its number of events)
     * under the agreement's lock: only an agreement kept at that version may serve it.
     */
    public static void expect(UnitOfWork<?> unitOfWork, String agreementId, long version) {
        unitOfWork.resources().put(EXPECTED + agreementId, version);
    }

    /** The command in {@code unitOfWork} leaves the stream of {@code agreementId} at {@code version} once it commits. */
    public static void committed(UnitOfWork<?> unitOfWork, String agreementId, long version) {
        unitOfWork.resources().put(COMMITTED + agreementId, version);
    }

    /** Loads served from memory. */
    public long hits() {
        return hits.sum();
    }

    /** Loads that went to the event store: nothing kept, or kept at another version than the head. */
    public long misses() {
        return misses.sum();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Long expected = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getResource(EXPECTED + key) : null;
        Kept found = kept.get(key);
        if (found != null && expected != null && found.version() == expected) {
            hits.increment();
            return (V) found.entry();
        }
        if (found != null) {
            kept.remove(key, found);
        }
        misses.increment();
        return null;
    }

    @Override
    public void put(Object key, Object value) {
        // the agreement as its command saved it: kept once that command commits, at the head its answer read
        kept.remove(key);
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> {
            Long version = unitOfWork.getResource(COMMITTED + key);
            if (version != null) {
                kept.put(key, new Kept(value, version));
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (kept.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        return kept.remove(key) != null;
    }

    @Override
    public void removeAll() {
        kept.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return kept.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }
}
