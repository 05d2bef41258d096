package se.coop.query.reminders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.Participant;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
import se.coop.api.contact.Contacts;
import se.coop.api.query.FindReminders;
import se.coop.api.query.ReminderList;
import se.coop.api.query.ReminderView;
import se.coop.api.reminder.ReviewReminderIssued;
import se.coop.query.QueryNode;
import se.coop.query.readmodel.BatchScope;
import se.coop.query.readmodel.FailureIsolation;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.readmodel.ReadModel;

/**
 * The issued-reminders read model: each reminder issued (they live in the reminder plans' streams), one row per
 * recipient, with its meeting and agreement; read with how far its delivery has come. Its rows are gathered over the
 * processor's batch and inserted together; a reminder listed already is not listed twice.
 */
@QueryNode
@Component
@ProcessingGroup(IssuedReminders.NAME)
public class IssuedReminders implements ReadModel {

    public static final String NAME = "reminders";
    static final String TABLE = "issued_reminder";
    private static final String BATCH = IssuedReminders.class.getName();

    private static final String SELECT =
            "SELECT r.reminder_id, r.recipient_key, r.agreement_id, r.review_id, r.subject, r.recipient,"
                    + " r.recipient_name, r.offset_days, r.due_at, r.issued_at, COALESCE(d.status, 'PENDING') AS delivery,"
                    + " COALESCE(d.attempts, 0) AS attempts, d.last_error, d.delivered_at FROM %s r LEFT JOIN reminder_delivery d"
                    + " ON d.reminder_id = r.reminder_id AND d.recipient_key = r.recipient_key";

    private final JdbcTemplate jdbc;
    private final ProjectionStates states;
    private final FailureIsolation isolation;
    private final Contacts contacts;

    public IssuedReminders(JdbcTemplate jdbc, ProjectionStates states, FailureIsolation isolation, Contacts contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.states = states;
        this.isolation = isolation;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @EventHandler
    void on(ReviewReminderIssued event, DomainEventMessage<?> message) {
        isolation.handle(NAME, () -> {
            for (Participant recipient : event.recipients()) {
                rows().add(new Object[] {
                    event.reminderId(),
                    recipientKey(recipient),
                    event.reviewId() == null ? null : event.reviewId().toString(),
                    event.agreementId().toString(),
                    recipient.email() == null ? null : Contact.key(recipient.email()),
                    recipient.name(),
                    event.offsetDays(),
                    Timestamp.from(message.getTimestamp()),
                    event.subject().name(),
                    Timestamp.from(event.dueAt().toInstant())
                });
            }
        });
    }

    /** The rows of the processor's batch, inserted together just before it commits. */
    private List<Object[]> rows() {
        return BatchScope.resource(BATCH, ArrayList::new, rows -> {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(
                        "INSERT INTO " + TABLE + " (reminder_id, recipient_key, review_id, agreement_id, recipient,"
                                + " recipient_name, offset_days, issued_at, subject, due_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        rows);
            }
        });
    }

    /**
     * A recipient by contact (by address in events written before the contact register), or by party when its
     * secretariat has no address configured.
     */
    public static String recipientKey(Participant recipient) {
        String key = recipient.key();
        return key != null ? key : "party:" + recipient.partyId();
    }

    @ResetHandler
    void reset() {
        states.startRebuild(NAME, tables());
    }

    /** The reminders issued since a time, newest first (at most 1,000), to one reviewer or to all. */
    @QueryHandler
    public ReminderList reminders(FindReminders query) {
        StringBuilder where = new StringBuilder(" WHERE r.issued_at >= ?");
        List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(query.since())));
        if (query.reviewer() != null) {
            List<String> keys = contacts.keysOf(query.reviewer());
            where.append(" AND r.recipient_key IN (")
                    .append(String.join(", ", Collections.nCopies(keys.size(), "?")))
                    .append(")");
            arguments.addAll(keys);
        }
        List<Row> rows = jdbc.query(
                select() + where + " ORDER BY r.issued_at DESC, r.reminder_id, r.recipient_key LIMIT 1000",
                (rs, row) -> row(rs),
                arguments.toArray());
        return new ReminderList(shown(rows));
    }

    /** The reminders issued for each of the meetings given, in the order they were issued. */
    public Map<String, List<ReminderView>> forMeetings(Collection<String> reviewIds) {
        Map<String, List<ReminderView>> byMeeting = new HashMap<>();
        if (reviewIds.isEmpty()) {
            return byMeeting;
        }
        List<Row> rows = new ArrayList<>();
        jdbc.query(
                select() + " WHERE r.review_id = ANY(?) ORDER BY r.issued_at, r.reminder_id, r.recipient_key",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", reviewIds.toArray())),
                (ResultSet rs) -> {
                    rows.add(row(rs));
                });
        for (ReminderView reminder : shown(rows)) {
            byMeeting
                    .computeIfAbsent(reminder.reviewId(), r -> new ArrayList<>())
                    .add(reminder);
        }
        return byMeeting;
    }

    private String select() {
        return String.format(SELECT, states.readTable(NAME, TABLE));
    }

    /** A reminder as read, with the recipient's key and name, before its address is looked up. */
    private record Row(ReminderView reminder, String key, String name) {}

    /** The reminders with their recipients' addresses as the contact register holds them now. */
    private List<ReminderView> shown(List<Row> rows) {
        Map<ContactId, Contact> found = contacts.get(rows.stream()
                .filter(row -> row.reminder().recipient() == null)
                .map(row -> ContactId.inKey(row.key()))
                .filter(Objects::nonNull)
                .toList());
        return rows.stream()
                .map(row -> {
                    if (row.reminder().recipient() != null) {
                        return row.reminder();
                    }
                    ContactId contact = ContactId.inKey(row.key());
                    Contact held = contact == null ? null : found.get(contact);
                    if (held == null) {
                        return row.reminder().to(row.name());
                    }
                    return row.reminder().to(Contact.shown(held));
                })
                .toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(reminder(rs), rs.getString("recipient_key"), rs.getString("recipient_name"));
    }

    private static ReminderView reminder(ResultSet rs) throws SQLException {
        Timestamp due = rs.getTimestamp("due_at");
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new ReminderView(
                rs.getString("reminder_id"),
                rs.getString("agreement_id"),
                rs.getString("review_id"),
                rs.getString("subject"),
                rs.getString("recipient"),
                rs.getInt("offset_days"),
                due == null ? null : due.toInstant(),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getString("delivery"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                delivered == null ? null : delivered.toInstant());
    }
}
