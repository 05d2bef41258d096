package se.coop.app.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.CommandRefusedException;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
import se.coop.api.contact.Contacts;
import se.coop.api.contact.Erasure;
import se.coop.api.contact.OldAddresses;

/**
 * The contact register in table {@code contact}. Registering joins the caller's transaction (a refused command
 * registers nothing); two registering one new address at once get the same contact. Erasing removes the address from
 * the register and from every row Coop derived from it — reminders waiting for it, its calendar feeds, and the rows
 * read models hold of events written before the register — and counts the old events that still carry it.
 */
@Component
class JdbcContacts implements Contacts {

    private static final Logger log = LoggerFactory.getLogger(JdbcContacts.class);
    private static final String COLUMNS = "contact_id, email, created_at, corrected_at, erased_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** The parts of Coop keeping rows of events written before the register, looked up when first needed. */
    private final ObjectProvider<OldAddresses> oldAddresses;

    JdbcContacts(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            ObjectProvider<OldAddresses> oldAddresses) {
        this.jdbc = jdbc;
        this.oldAddresses = oldAddresses;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public ContactId register(String email) {
        String address = email.strip();
        // a contact erased between the insert giving way and the read is registered afresh
        for (int attempt = 0; ; attempt++) {
            jdbc.update(
                    "INSERT INTO contact (contact_id, email, email_key, created_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (email_key) WHERE email_key IS NOT NULL DO NOTHING",
                    UUID.randomUUID(),
                    address,
                    Contact.key(address),
                    Timestamp.from(clock.instant()));
            Optional<Contact> registered = find(address);
            if (registered.isPresent() || attempt == 2) {
                return registered.orElseThrow().contactId();
            }
        }
    }

    @Override
    public Optional<Contact> find(String email) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM contact WHERE email_key = ?",
                        JdbcContacts::contact,
                        Contact.key(email.strip()))
                .stream()
                .findFirst();
    }

    @Override
    public Map<ContactId, Contact> get(Collection<ContactId> ids) {
        Map<ContactId, Contact> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query(
                "SELECT " + COLUMNS + " FROM contact WHERE contact_id = ANY(?)",
                ps -> ps.setArray(
                        1,
                        ps.getConnection()
                                .createArrayOf(
                                        "uuid",
                                        ids.stream()
                                                .map(ContactId::value)
                                                .distinct()
                                                .toArray())),
                (ResultSet rs) -> {
                    Contact contact = contact(rs, 0);
                    found.put(contact.contactId(), contact);
                });
        return found;
    }

    @Override
    public Contact correct(ContactId id, String email) {
        return transaction.execute(status -> {
            Contact contact = locked(id);
            String address = email.strip();
            Optional<Contact> holder = find(address);
            if (holder.isPresent() && !holder.get().contactId().equals(id)) {
                throw taken();
            }
            referOldData(id, contact.email());
            try {
                jdbc.update(
                        "UPDATE contact SET email = ?, email_key = ?, corrected_at = ? WHERE contact_id = ?",
                        address,
                        Contact.key(address),
                        Timestamp.from(clock.instant()),
                        contact.contactId().value());
            } catch (DuplicateKeyException raced) {
                // another contact was given the address at the same moment
                throw taken();
            }
            log.info("Contact {} corrected", id);
            return locked(id);
        });
    }

    @Override
    public Erasure erase(ContactId id) {
        return transaction.execute(status -> {
            Contact contact = locked(id);
            Instant now = clock.instant();
            Timestamp at = Timestamp.from(now);
            String address = contact.email();
            long oldEvents = jdbc.queryForObject(
                    "SELECT count(*) FROM domain_event_entry WHERE " + HOLDS_ADDRESS,
                    Long.class,
                    "\"" + address + "\"",
                    "\"" + Contact.key(address) + "\"");
            referOldData(id, address);
            jdbc.update(
                    "UPDATE contact SET email = NULL, email_key = NULL, erased_at = ? WHERE contact_id = ?",
                    at,
                    id.value());
            // reminders waiting for the contact are not sent, its calendar feeds stop
            oldAddresses.orderedStream().forEach(old -> old.erased(id, now));
            log.info(
                    "Contact {} erased; {} events written before the contact register still carry its address",
                    id,
                    oldEvents);
            return new Erasure(id, now, oldEvents);
        });
    }

    /** An event's payload holding the address as a JSON string, as the register spells it or in lower case. */
    private static final String HOLDS_ADDRESS = "(strpos(convert_from(payload, 'UTF8'), ?) > 0"
            + " OR strpos(lower(convert_from(payload, 'UTF8')), ?) > 0)";

    /**
     * What Coop derived from events written before the contact register, which name the contact by its address, now
     * refers to the contact: each part of Coop refers its own ({@link OldAddresses}). The old events keep it.
     */
    private void referOldData(ContactId id, String address) {
        oldAddresses.orderedStream().forEach(old -> old.refer(address, id));
    }

    private static CommandRefusedException taken() {
        return new CommandRefusedException(
                ErrorCode.CONTACT_ADDRESS_TAKEN,
                "Another contact has this address already; correct or erase that one instead.",
                "email");
    }

    /** The live contact, locked for the rest of the transaction; 404 for none, 409 for one erased already. */
    private Contact locked(ContactId id) {
        Contact contact = jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM contact WHERE contact_id = ? FOR UPDATE",
                        JdbcContacts::contact,
                        id.value())
                .stream()
                .findFirst()
                .orElseThrow(() -> new CoopProblem(ErrorCode.CONTACT_NOT_FOUND, "There is no contact " + id + "."));
        if (contact.erased()) {
            throw new CommandRefusedException(
                    ErrorCode.CONTACT_ERASED,
                    "Contact " + id + " was erased on " + contact.erasedAt() + "; an erased contact stays erased"
                            + " (a reviewer named again with an address gets a new contact).");
        }
        return contact;
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(
                new ContactId(rs.getObject("contact_id", UUID.class)),
                rs.getString("email"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("corrected_at")),
                instant(rs.getTimestamp("erased_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
