package se.coop.command.agreement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Agreements kept in memory from one command to the next, so that a command need not read and replay its agreement's
 * events. A kept agreement serves only a command that holds the agreement's lock ({@code CommandGuard} says so with
 * {@link #expect}, giving the stream's head it read under the lock), and only when, read again as it is served, the
 * stream's head is still the very version the agreement was kept at (a timer on another node does not take the lock
 * and may have appended since the guard's read). Anything else — another node's append, a rolled-back command, a load
 * by a timer — reads the agreement from its events as before. An agreement is kept only once the command that saved it
 * has committed, and only if the version it was saved at is the head that command's answer read.
 *
 * <p>It is the {@link Cache} of Axon's caching repository for {@link Agreement} ({@link AgreementModule}), which puts
 * an agreement while saving it and removes it when a unit of work that loaded it rolls back; this class holds back
 * each put until the commit and checks each get. At most {@code capacity} agreements are kept, the least recently used
 * dropped first (0 keeps none).
 */
public final class AgreementCache implements Cache {

    private static final String EXPECTED = "coop.agreement-cache.expected:";
    private static final String COMMITTED = "coop.agreement-cache.committed:";

    /** What Axon's repository put, and the stream's version (its number of events) it stands at. */
    private record Kept(Object entry, long version) {}

    private final Map<Object, Kept> kept;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile ToLongFunction<String> heads = id -> -1;

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

    /**
     * How the stream's head (its number of events) is read, in the command's transaction, as a kept agreement is served
     * ({@code EventStreams}); until it is given, nothing kept is served.
     */
    public void readHeadsWith(ToLongFunction<String> heads) {
        this.heads = heads;
    }

    /** Loads served from memory. */
    public long hits() {
        return hits.sum();
    }

    /** Loads that read the agreement's events: nothing kept, kept at another version than the head, or a timer's. */
    public long misses() {
        return misses.sum();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Long expected = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getResource(EXPECTED + key) : null;
        Kept found = kept.get(key);
        if (found != null
                && expected != null
                && found.version() == expected
                && heads.applyAsLong(key.toString()) == found.version()) {
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
        Long saved = savedVersion(value);
        if (!CurrentUnitOfWork.isStarted() || saved == null) {
            return;
        }
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> {
            Long version = unitOfWork.getResource(COMMITTED + key);
            // kept only at the head its command's answer read, and only if that is the version it was saved at
            if (version != null && version == saved) {
                kept.put(key, new Kept(value, version));
            }
        });
    }

    /**
     * The version (number of events) of the agreement in Axon's cache entry: the repository's entry holds the aggregate
     * it was made from, which {@code recreateAggregate} hands back as it is; anything else is not kept.
     */
    private static Long savedVersion(Object value) {
        if (!(value instanceof AggregateCacheEntry<?> entry)) {
            return null;
        }
        try {
            Long sequence = entry.recreateAggregate(null, null, null).version();
            return sequence == null ? null : sequence + 1;
        } catch (RuntimeException notHeld) {
            return null;
        }
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
