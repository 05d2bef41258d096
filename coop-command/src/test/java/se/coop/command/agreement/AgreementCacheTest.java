package se.coop.command.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kept agreement serves only a command that read the stream's head under the lock at the version it was kept at, and
 * only while the head, read again, is still there; it is kept only at the version its command committed.
 */
class AgreementCacheTest {

    private static final String ID = "0b6d3f0e-3c1a-4f5e-9d2b-6a7c8e9f0a1b";

    /** An aggregate as Axon's cache entry holds it. */
    static final class Kept {
        @AggregateIdentifier
        private final String id = ID;
    }

    private final AgreementCache cache = new AgreementCache(10);
    private long head;

    @BeforeEach
    void streamHeads() {
        cache.readHeadsWith(id -> head);
    }

    /** Axon's cache entry of an agreement saved at {@code version} (its number of events). */
    private static AggregateCacheEntry<Kept> entry(long version) {
        EventSourcedAggregate<Kept> aggregate = EventSourcedAggregate.initialize(
                new Kept(), AnnotatedAggregateMetaModelFactory.inspectAggregate(Kept.class), null, (SnapshotTrigger)
                        null);
        aggregate.initSequence(version - 1);
        return new AggregateCacheEntry<>(aggregate);
    }

    /** A command that saves {@code entry} and commits, its answer reading the head at {@code committed} (or none). */
    private void saved(Object entry, Long committed) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));
        cache.put(ID, entry);
        if (committed != null) {
            AgreementCache.committed(unitOfWork, ID, committed);
            head = committed;
        }
        unitOfWork.commit();
    }

    /** What a command that read the head at {@code expected} under the lock (or read none) is served. */
    private Object loaded(Long expected) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));
        try {
            if (expected != null) {
                AgreementCache.expect(unitOfWork, ID, expected);
            }
            return cache.get(ID);
        } finally {
            unitOfWork.commit();
        }
    }

    @Test
    void anAgreementKeptAtTheHeadServesTheNextCommand() {
        AggregateCacheEntry<Kept> atThree = entry(3);
        saved(atThree, 3L);
        assertThat(loaded(3L)).isSameAs(atThree);
        assertThat(loaded(3L)).isSameAs(atThree);
        assertThat(cache.hits()).isEqualTo(2);
    }

    @Test
    void anAgreementBehindTheHeadReadUnderTheLockIsNeverServedAndIsDropped() {
        saved(entry(3), 3L);
        // another node appended the fourth event before this command took the lock
        head = 4;
        assertThat(loaded(4L)).isNull();
        assertThat(cache.containsKey(ID)).isFalse();
        head = 3;
        assertThat(loaded(3L)).as("dropped, not kept for later").isNull();
        assertThat(cache.misses()).isEqualTo(2);
    }

    @Test
    void anAgreementIsNotServedWhenTheHeadMovedAfterTheGuardReadIt() {
        saved(entry(3), 3L);
        // a timer on another node, which takes no lock, appended after the guard read the head at 3
        head = 4;
        assertThat(loaded(3L)).isNull();
        assertThat(cache.containsKey(ID)).isFalse();
    }

    @Test
    void aLoadThatReadNoHeadUnderTheLockIsServedNothing() {
        saved(entry(3), 3L);
        assertThat(loaded(null)).isNull();
    }

    @Test
    void anAgreementIsKeptOnlyOnceItsCommandCommitsAtTheVersionItWasSavedAt() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));
        cache.put(ID, entry(5));
        AgreementCache.committed(unitOfWork, ID, 5);
        assertThat(cache.containsKey(ID)).as("not before the commit").isFalse();
        unitOfWork.rollback();
        assertThat(cache.containsKey(ID)).as("not after a rollback").isFalse();

        saved(entry(5), null);
        assertThat(cache.containsKey(ID))
                .as("not without the head its answer read")
                .isFalse();

        // saved at 5 (a command that applied nothing to an agreement it was served stale), answered at 6
        saved(entry(5), 6L);
        assertThat(cache.containsKey(ID))
                .as("not under another version than its own")
                .isFalse();

        saved(entry(6), 6L);
        assertThat(cache.containsKey(ID)).isTrue();
    }

    @Test
    void aNewerSaveReplacesWhatWasKeptEvenIfItsCommandIsNotAnswered() {
        saved(entry(3), 3L);
        saved(entry(4), null);
        assertThat(loaded(3L)).as("the kept agreement is older than the stream").isNull();
    }

    @Test
    void onlyAxonsCacheEntriesAreKept() {
        saved("not an aggregate", 3L);
        assertThat(cache.containsKey(ID)).isFalse();
    }

    @Test
    void theLeastRecentlyUsedAgreementsGoFirstAndNoneIsKeptWithoutCapacity() {
        AgreementCache small = new AgreementCache(2);
        AgreementCache none = new AgreementCache(0);
        for (String id : new String[] {"a", "b", "c"}) {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));
            small.put(id, entry(1));
            none.put(id, entry(1));
            AgreementCache.committed(unitOfWork, id, 1);
            unitOfWork.commit();
        }
        assertThat(small.containsKey("a")).isFalse();
        assertThat(small.containsKey("b")).isTrue();
        assertThat(small.containsKey("c")).isTrue();
        assertThat(none.containsKey("c")).isFalse();
    }
}
