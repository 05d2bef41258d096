package se.coop.api.contact;

import java.time.Instant;

/**
 * What erasing a contact did: the address is gone from the register and from every row Coop derived from events that
 * refer to the contact by id; {@code oldEventsWithAddress} events written before the contact register (which held
 * addresses themselves) still carry it, since a stored event is never changed.
 */
public record Erasure(ContactId contactId, Instant erasedAt, long oldEventsWithAddress) {}
