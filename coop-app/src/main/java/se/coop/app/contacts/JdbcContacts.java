package se.coop.app.contacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import se.coop.api.reminder.ReferRecipient;
import se.coop.api.reminder.ReminderPlanId;

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
    /** Looked up when first needed: the command bus's interceptors need the register before the gateway is made. */
    private final ObjectProvider<CommandGateway> commands;

    private final ObjectMapper json = new ObjectMapper();

    JdbcContacts(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            ObjectProvider<CommandGateway> commands) {
        this.jdbc = jdbc;
        this.commands = commands;
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
            String key = id.toString();
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
            // reminders waiting for the contact are not sent, its calendar feeds stop, and a mail server's refusal
            // kept with a delivery goes too
            jdbc.update(
                    "UPDATE reminder_delivery SET status = 'ERASED' WHERE recipient_key = ?"
                            + " AND status IN ('PENDING', 'RETRYING', 'SENDING')",
                    key);
            jdbc.update("UPDATE reminder_delivery SET last_error = NULL WHERE recipient_key = ?", key);
            jdbc.update("UPDATE calendar_feed SET revoked_at = coalesce(revoked_at, ?) WHERE reviewer = ?", at, key);
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
     * What Coop derived from events written before the contact register, which name the contact by its address: from
     * now on referred to by the contact, so that correcting or erasing it reaches them too — rows of the read models
     * and the delivery ledger keyed by the address, the meetings' reviewers, the wording of old reminders in the
     * history, the planning sagas' meetings, and the reminder plans still to issue (by {@link ReferRecipient}, whose
     * event holds no address). The old events themselves keep it.
     */
    private void referOldData(ContactId id, String address) {
        String key = id.toString();
        String lowered = Contact.key(address);
        jdbc.update(
                "UPDATE reminder_delivery SET recipient = NULL, recipient_key = ? WHERE recipient_key = ?",
                key,
                lowered);
        jdbc.update("UPDATE reminder_digest SET recipient = ? WHERE recipient = ?", key, lowered);
        jdbc.update(
                "UPDATE issued_reminder SET recipient = NULL, recipient_key = ? WHERE recipient_key = ?", key, lowered);
        jdbc.update("UPDATE calendar_feed SET reviewer = ? WHERE reviewer = ?", key, lowered);
        jdbc.query(
                "SELECT review_id, reviewers::text FROM review_meeting WHERE ? = ANY(reviewer_emails)",
                (ResultSet rs) -> {
                    JsonNode reviewers = readTree(rs.getString(2));
                    if (refer(reviewers, lowered, key)) {
                        jdbc.update(
                                "UPDATE review_meeting SET reviewers = ?::jsonb,"
                                        + " reviewer_emails = array_replace(reviewer_emails, ?, ?) WHERE review_id = ?",
                                reviewers.toString(),
                                lowered,
                                key,
                                rs.getString(1));
                    }
                },
                lowered);
        for (String spelled : new LinkedHashSet<>(List.of(address, lowered))) {
            jdbc.update(
                    "UPDATE history_entry SET summary_sv = replace(summary_sv, ?, ?), summary_en = replace(summary_en,"
                            + " ?, ?) WHERE type = 'ReviewReminderIssued' AND strpos(summary_sv, ?) > 0",
                    " (" + spelled + ")",
                    " (" + Contact.mark(id) + ")",
                    " (" + spelled + ")",
                    " (" + Contact.mark(id) + ")",
                    " (" + spelled + ")");
        }
        jdbc.query(
                "SELECT saga_id, serialized_saga FROM saga_entry WHERE position('\\x40'::bytea in serialized_saga) > 0",
                (ResultSet rs) -> {
                    JsonNode saga = readTree(new String(rs.getBytes(2), StandardCharsets.UTF_8));
                    if (refer(saga, lowered, key)) {
                        jdbc.update(
                                "UPDATE saga_entry SET serialized_saga = ? WHERE saga_id = ?",
                                saga.toString().getBytes(StandardCharsets.UTF_8),
                                rs.getString(1));
                    }
                });
        for (String plan : jdbc.queryForList(
                "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE type = 'ReminderPlan' AND "
                        + HOLDS_ADDRESS,
                String.class,
                "\"" + address + "\"",
                "\"" + lowered + "\"")) {
            commands.getObject().sendAndWait(new ReferRecipient(ReminderPlanId.of(plan), address, id));
        }
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON where Coop wrote JSON", e);
        }
    }

    /**
     * Every object in {@code node} naming the address ({@code "email"}) and no contact is referred to the contact
     * instead; whether any was.
     */
    private static boolean refer(JsonNode node, String lowered, String contactId) {
        boolean referred = false;
        if (node instanceof ObjectNode object
                && object.path("email").isTextual()
                && object.path("contactId").isMissingNode()
                && Contact.key(object.get("email").asText()).equals(lowered)) {
            object.remove("email");
            object.put("contactId", contactId);
            referred = true;
        }
        for (JsonNode child : node) {
            referred |= refer(child, lowered, contactId);
        }
        return referred;
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
