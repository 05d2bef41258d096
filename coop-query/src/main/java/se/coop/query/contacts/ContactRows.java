package se.coop.query.contacts;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.Participant;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
import se.coop.api.contact.OldAddresses;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query side's rows of a contact: the reminders issued and their deliveries and digests, the calendar feeds, the
 * meetings' reviewers and the wording of old reminders in the history. Rows of events written before the contact
 * register are keyed or worded by the address; a correction or an erasure refers them to the contact (the history by
 * a mark filled in when it is read, {@link Contact#mark}). An erasure stops the deliveries waiting for the contact and
 * its feeds. On every node, since any node may correct or erase.
 */
@Component
class ContactRows implements OldAddresses {

    private static final TypeReference<List<Participant>> PARTICIPANTS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ContactRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void refer(String address, ContactId contact) {
        String key = contact.toString();
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
                    List<Participant> referred = json.readValue(rs.getString(2), PARTICIPANTS).stream()
                            .map(p -> p.contactId() == null
                                            && p.email() != null
                                            && Contact.key(p.email()).equals(lowered)
                                    ? new Participant(p.name(), p.partyId(), contact, null)
                                    : p)
                            .toList();
                    jdbc.update(
                            "UPDATE review_meeting SET reviewers = ?::jsonb,"
                                    + " reviewer_emails = array_replace(reviewer_emails, ?, ?) WHERE review_id = ?",
                            json.writeValueAsString(referred),
                            lowered,
                            key,
                            rs.getString(1));
                },
                lowered);
        String mark = " (" + Contact.mark(contact) + ")";
        for (String spelled : new LinkedHashSet<>(List.of(address, lowered))) {
            String worded = " (" + spelled + ")";
            jdbc.update(
                    "UPDATE history_entry SET summary_sv = replace(summary_sv, ?, ?), summary_en = replace(summary_en,"
                            + " ?, ?), summary_da = replace(summary_da, ?, ?) WHERE type = 'ReviewReminderIssued'"
                            + " AND strpos(summary_sv, ?) > 0",
                    worded,
                    mark,
                    worded,
                    mark,
                    worded,
                    mark,
                    worded);
        }
    }

    @Override
    public void erased(ContactId contact, Instant at) {
        String key = contact.toString();
        jdbc.update(
                "UPDATE reminder_delivery SET status = 'ERASED' WHERE recipient_key = ?"
                        + " AND status IN ('PENDING', 'RETRYING', 'SENDING')",
                key);
        // a mail server's refusal kept with a delivery may quote the address
        jdbc.update("UPDATE reminder_delivery SET last_error = NULL WHERE recipient_key = ?", key);
        jdbc.update(
                "UPDATE calendar_feed SET revoked_at = coalesce(revoked_at, ?) WHERE reviewer = ?",
                Timestamp.from(at),
                key);
    }
}
