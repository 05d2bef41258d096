package se.coop.api.contact;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import se.coop.api.Participant;
import se.coop.api.Reviewer;

/**
 * The contact register (docs/decisions/0007): the one place Coop keeps reviewers' and reminder recipients' e-mail
 * addresses. Events refer to a contact by its random id; the address is looked up when a reminder is sent or a page,
 * feed, dossier or package is made, so a correction reaches everything made afterwards and an erasure leaves only
 * "erased contact". Addresses are matched without regard to case.
 */
public interface Contacts {

    /** The live contact with this address, registering one when there is none yet. */
    ContactId register(String email);

    /** The live contact with this address, if any; an erased address is known no more. */
    Optional<Contact> find(String email);

    /** The contacts with these ids (erased ones too, without their address); unknown ids are left out. */
    Map<ContactId, Contact> get(Collection<ContactId> ids);

    /** Corrects a contact's address, for every reminder and feed from now on. */
    Contact correct(ContactId id, String email);

    /** Erases a contact's address (GDPR art. 17): its reminders and feeds stop, and what is made afterwards says so. */
    Erasure erase(ContactId id);

    /** The reviewer referred to by the contact holding their address (registered when new). */
    default Reviewer refer(Reviewer reviewer) {
        if (reviewer == null || reviewer.contactId() != null || reviewer.email() == null) {
            return reviewer;
        }
        return reviewer.withContact(register(reviewer.email()));
    }

    /** The participant referred to by contact instead of by address (registered when new). */
    default Participant refer(Participant participant) {
        if (participant == null || participant.contactId() != null || participant.email() == null) {
            return participant;
        }
        return new Participant(participant.name(), participant.partyId(), register(participant.email()), null);
    }

    /**
     * The participants as reviewers, each with the address its event holds (only an event written before the register
     * holds one) and its contact; {@link #withAddresses} then gives them the addresses the register holds.
     */
    static List<Reviewer> named(List<Participant> participants) {
        if (participants == null) {
            return List.of();
        }
        return participants.stream()
                .map(p -> new Reviewer(p.name(), p.email(), p.partyId(), p.contactId()))
                .toList();
    }

    /** The contacts the reviewers refer to. */
    static List<ContactId> contactsOf(Collection<Reviewer> reviewers) {
        return reviewers.stream()
                .map(Reviewer::contactId)
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * The reviewers with their contacts' addresses as looked up ({@link #get}): an erased contact's is {@code null}; a
     * reviewer with no contact (an event written before the register) keeps the address it has.
     */
    static List<Reviewer> withAddresses(List<Reviewer> reviewers, Map<ContactId, Contact> contacts) {
        return reviewers.stream()
                .map(r -> {
                    if (r.contactId() == null) {
                        return r;
                    }
                    Contact contact = contacts.get(r.contactId());
                    return new Reviewer(r.name(), contact == null ? null : contact.email(), r.partyId(), r.contactId());
                })
                .toList();
    }

    /**
     * The keys read models know a reviewer by ({@link Participant#key}), from what a query gives — a contact id or an
     * address: the contact and, for rows of events written before the register, its address itself. An erased
     * address is known by no contact.
     */
    default List<String> keysOf(String reviewer) {
        String given = reviewer.strip();
        ContactId contact = ContactId.inKey(given);
        if (contact != null) {
            Contact held = get(List.of(contact)).get(contact);
            return held == null || held.erased()
                    ? List.of(contact.toString())
                    : List.of(contact.toString(), Contact.key(held.email()));
        }
        String lower = Contact.key(given);
        return find(given)
                .map(live -> List.of(live.contactId().toString(), lower))
                .orElse(List.of(lower));
    }

    /** What to show for a reviewer's key: a contact's address now ("erased contact" once erased), else the key. */
    default String shown(String key) {
        ContactId contact = ContactId.inKey(key);
        if (contact == null) {
            return key;
        }
        Contact held = get(List.of(contact)).get(contact);
        return held == null || held.erased() ? Contact.ERASED : held.email();
    }
}
