package se.coop.command.reminders;

import se.coop.api.AgreementId;
import se.coop.api.event.AgreementArchived;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.DraftAbandoned;

/**
 * What an agreement's own stream already holds beyond the event being handled. Planning runs behind the agreement: when
 * one decision both brings an agreement into force and ends it (an agreement recorded after the fact whose term has
 * run out), its end is already stored while the planner handles its entry into force, and nothing should be planned,
 * let alone issued, for it.
 */
@FunctionalInterface
public interface AgreementStream {

    /** Whether the agreement ended (expired, was terminated, abandoned or archived) after event {@code sequence}. */
    boolean endedAfter(AgreementId agreementId, long sequence);

    /** Whether an event of the agreement's stream ends it: expiry, termination, abandonment or archiving. */
    static boolean ends(Object payload) {
        return payload instanceof AgreementTerminated
                || payload instanceof AgreementExpired
                || payload instanceof DraftAbandoned
                || payload instanceof AgreementArchived;
    }
}
