package se.coop.command.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** A kept agreement serves only a command that read the stream's head at the version it was kept at. */
class AgreementCacheTest {

    private static final String ID = "0b6d3f0e-3c1a-4f5e-9d2b-6a7c8e9f0a1b";

    private final AgreementCache cache = new AgreementCache(10);

    /** A command that saves {@code entry} and commits, leaving the stream at {@code version} (or without an answer). */
    private void saved(Object entry, Long version) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));
        cache.put(ID, entry);
        if (version != null) {
            AgreementCache.committed(unitOfWork, ID, version);
        }
        unitOfWork.commit();
    }

    /** What a command that read the head at {@code head} (or read no head) is served. */
    private Object loaded(Long head) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));
        try {
            if (head != null) {
                AgreementCache.expect(unitOfWork, ID, head);
            }
            return cache.get(ID);
        } finally {
            unitOfWork.commit();
        }
    }

    @Test
    void anAgreementKeptAtTheHeadServesTheNextCommand() {
        saved("agreement at 3", 3L);
        assertThat(loaded(3L)).isEqualTo("agreement at 3");
        assertThat(loaded(3L)).isEqualTo("agreement at 3");
        assertThat(cache.hits()).isEqualTo(2);
    }

    @Test
    void anAgreementBehindTheHeadIsNeverServedAndIsDropped() {
        saved("agreement at 3", 3L);
        // another node appended the fourth event
        assertThat(loaded(4L)).isNull();
        assertThat(cache.containsKey(ID)).isFalse();
        assertThat(loaded(3L)).as("dropped, not kept for later").isNull();
        assertThat(cache.misses()).isEqualTo(2);
    }

    @Test
    void aLoadThatReadNoHeadIsServedNothing() {
        saved("agreement at 3", 3L);
        assertThat(loaded(null)).isNull();
    }

    @Test
    void anAgreementIsKeptOnlyOnceItsCommandCommitsWithItsHead() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));
        cache.put(ID, "agreement at 5");
        AgreementCache.committed(unitOfWork, ID, 5);
        assertThat(cache.containsKey(ID)).as("not before the commit").isFalse();
        unitOfWork.rollback();
        assertThat(cache.containsKey(ID)).as("not after a rollback").isFalse();

        saved("saved by a deadline, no head read", null);
        assertThat(cache.containsKey(ID)).isFalse();

        saved("agreement at 5", 5L);
        assertThat(loaded(5L)).isEqualTo("agreement at 5");
    }

    @Test
    void aNewerSaveReplacesWhatWasKeptEvenIfItsCommandIsNotAnswered() {
        saved("agreement at 3", 3L);
        saved("agreement at 4, saved by a deadline", null);
        assertThat(loaded(3L)).as("the kept agreement is older than the stream").isNull();
    }

    @Test
    void theLeastRecentlyUsedAgreementsGoFirst() {
        AgreementCache small = new AgreementCache(2);
        for (String id : new String[] {"a", "b", "c"}) {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));
            small.put(id, id);
            AgreementCache.committed(unitOfWork, id, 1);
            unitOfWork.commit();
        }
        assertThat(small.containsKey("a")).isFalse();
        assertThat(small.containsKey("b")).isTrue();
        assertThat(small.containsKey("c")).isTrue();
    }
}
