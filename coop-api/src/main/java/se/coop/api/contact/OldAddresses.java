package se.coop.api.contact;

import java.time.Instant;

/**
 * A part of Coop that keeps what it derived from events written before the contact register, which name a person by
 * address. In the transaction of a correction or an erasure the register has each one refer what it keeps under the
 * address to the contact instead, so that it follows the contact from then on (docs/decisions/0007); each part knows
 * its own tables.
 */
public interface OldAddresses {

    /** What is kept under {@code address} (compared by {@link Contact#key}) now refers to {@code contact}. */
    void refer(String address, ContactId contact);

    /** The contact was erased at {@code at}: whatever waits for it stops. */
    default void erased(ContactId contact, Instant at) {}
}
