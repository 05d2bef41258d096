package se.coop.query.reviews;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.AgreementState;
import se.coop.api.BusinessTime;
import se.coop.api.LocalizedText;
import se.coop.api.NodeRoles;
import se.coop.api.Party;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewKind;
import se.coop.api.Reviewer;
import se.coop.api.event.AgreementArchived;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementEvent;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.AgreementLinked;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.AmendmentEnteredIntoForce;
import se.coop.api.event.AmendmentProposed;
import se.coop.api.event.AppealRecorded;
import se.coop.api.event.ApprovalsVoided;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.DocumentAttached;
import se.coop.api.event.DocumentCorrected;
import se.coop.api.event.DraftAbandoned;
import se.coop.api.event.DraftRevised;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.NoticeGiven;
import se.coop.api.event.PartyLeft;
import se.coop.api.event.PartyRemoved;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewHeld;
import se.coop.api.event.ReviewOutcomeRecorded;
import se.coop.api.event.ReviewRescheduled;
import se.coop.api.event.ReviewScheduled;
import se.coop.api.event.SubmittedForAdoption;
import se.coop.api.event.TerminationDecided;
import se.coop.api.event.TextDescriptionCorrected;
import se.coop.api.query.FindReminders;
import se.coop.api.query.FindReviews;
import se.coop.api.query.PlannedReminder;
import se.coop.api.query.ReminderList;
import se.coop.api.query.ReminderView;
import se.coop.api.query.ReviewList;
import se.coop.api.query.ReviewView;
import se.coop.api.reminder.ReviewReminderIssued;
import se.coop.query.support.FailureIsolation;
import se.coop.query.support.ProjectionStates;
import se.coop.query.support.ReadModel;
import se.coop.rules.ReminderTimes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reviews read model: every meeting with its time, place, reviewers and outcome, and the agreement it belongs to
 * (title, state, parties) so meetings can be listed per party or reviewer. An event already applied (by its sequence
 * in the agreement's stream) is skipped, so replays and re-deliveries leave the same rows.
 */
@ConditionalOnExpression(NodeRoles.QUERY)
@Component
@ProcessingGroup(ReviewsProjection.NAME)
public class ReviewsProjection implements ReadModel {

    public static final String NAME = "reviews";
    static final String AGREEMENTS = "review_agreement";
    static final String MEETINGS = "review_meeting";
    static final String REMINDERS = "review_reminder";

    /** The agreement events that change what this read model shows. */
    static final Set<Class<?>> HANDLED = Set.of(
            IntentDrafted.class,
            DraftRevised.class,
            SubmittedForAdoption.class,
            AgreementEnteredIntoForce.class,
            AgreementTerminated.class,
            AgreementExpired.class,
            DraftAbandoned.class,
            AgreementArchived.class,
            ReviewScheduled.class,
            ReviewHeld.class,
            ReviewRescheduled.class,
            ReviewCancelled.class,
            ReviewOutcomeRecorded.class);

    /** The agreement events that do not, on purpose. */
    static final Set<Class<?>> IGNORED = Set.of(
            ApprovalsVoided.class,
            AgreementSigned.class,
            BoardDecisionRecorded.class,
            AppealRecorded.class,
            AmendmentProposed.class,
            AmendmentEnteredIntoForce.class,
            DocumentAttached.class,
            AgreementLinked.class,
            NoticeGiven.class,
            PartyLeft.class,
            PartyRemoved.class,
            TerminationDecided.class,
            TextDescriptionCorrected.class,
            DocumentCorrected.class);

    private static final TypeReference<List<Reviewer>> REVIEWERS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ProjectionStates states;
    private final FailureIsolation isolation;
    private final JsonMapper json = JsonMapper.builder().build();

    public ReviewsProjection(JdbcTemplate jdbc, ProjectionStates states, FailureIsolation isolation, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.states = states;
        this.isolation = isolation;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(AGREEMENTS, MEETINGS, REMINDERS);
    }

    @EventHandler
    void on(AgreementEvent event, DomainEventMessage<?> message) {
        isolation.handle(NAME, () -> {
            if (!HANDLED.contains(event.getClass())) {
                return;
            }
            String id = event.agreementId().toString();
            long sequence = message.getSequenceNumber();
            if (event instanceof IntentDrafted drafted) {
                drafted(drafted, sequence);
                return;
            }
            List<Long> last = jdbc.queryForList(
                    "SELECT last_sequence FROM " + AGREEMENTS + " WHERE agreement_id = ?", Long.class, id);
            if (last.isEmpty() || last.get(0) >= sequence) {
                return;
            }
            apply(event, id, sequence);
            jdbc.update("UPDATE " + AGREEMENTS + " SET last_sequence = ? WHERE agreement_id = ?", sequence, id);
        });
    }

    /** Reminders live in their own streams; each issued one is listed per recipient with its meeting. */
    @EventHandler
    void on(ReviewReminderIssued event, DomainEventMessage<?> message) {
        isolation.handle(NAME, () -> {
            for (Reviewer recipient : event.recipients()) {
                jdbc.update(
                        "INSERT INTO " + REMINDERS + " (reminder_id, recipient_key, review_id, agreement_id, recipient,"
                                + " recipient_name, offset_days, issued_at, subject, due_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        event.reminderId(),
                        recipientKey(recipient),
                        event.reviewId() == null ? null : event.reviewId().toString(),
                        event.agreementId().toString(),
                        recipient.email() == null ? null : recipient.email().toLowerCase(Locale.ROOT),
                        recipient.name(),
                        event.offsetDays(),
                        Timestamp.from(message.getTimestamp()),
                        event.subject().name(),
                        Timestamp.from(event.dueAt().toInstant()));
            }
        });
    }

    /** A recipient by e-mail, or by party when its secretariat has no address configured. */
    public static String recipientKey(Reviewer recipient) {
        return recipient.email() != null ? recipient.email().toLowerCase(Locale.ROOT) : "party:" + recipient.partyId();
    }

    @ResetHandler
    void reset() {
        states.startRebuild(NAME, tables());
    }

    private void drafted(IntentDrafted e, long sequence) {
        Party leadParty = e.parties().stream().filter(Party::lead).findFirst().orElseThrow();
        String lead = leadParty.partyId().toString();
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + AGREEMENTS
                    + " (agreement_id, title, state, party_ids, lead_party_id, reminder_offsets, last_sequence,"
                    + " lead_country) VALUES (?, ?::jsonb, ?, ?, ?, ?, ?, ?) ON CONFLICT (agreement_id) DO NOTHING")) {
                insert.setString(1, e.agreementId().toString());
                insert.setString(2, json.writeValueAsString(e.title()));
                insert.setString(3, AgreementState.DRAFT.name());
                insert.setArray(
                        4,
                        connection.createArrayOf(
                                "text",
                                e.parties().stream()
                                        .map(p -> p.partyId().toString())
                                        .toArray()));
                insert.setString(5, lead);
                insert.setArray(
                        6,
                        connection.createArrayOf(
                                "integer", e.reminderOffsetsDays().toArray()));
                insert.setLong(7, sequence);
                insert.setString(8, leadParty.country());
                return insert.executeUpdate();
            }
        });
    }

    private void apply(AgreementEvent event, String agreementId, long sequence) {
        if (event instanceof DraftRevised e && e.title() != null) {
            jdbc.update(
                    "UPDATE " + AGREEMENTS + " SET title = ?::jsonb WHERE agreement_id = ?",
                    json.writeValueAsString(e.title()),
                    agreementId);
        } else if (event instanceof SubmittedForAdoption) {
            state(agreementId, AgreementState.AWAITING_APPROVAL);
        } else if (event instanceof AgreementEnteredIntoForce) {
            state(agreementId, AgreementState.IN_FORCE);
        } else if (event instanceof AgreementTerminated) {
            state(agreementId, AgreementState.TERMINATED);
        } else if (event instanceof AgreementExpired) {
            state(agreementId, AgreementState.EXPIRED);
        } else if (event instanceof DraftAbandoned) {
            state(agreementId, AgreementState.ABANDONED);
        } else if (event instanceof AgreementArchived) {
            state(agreementId, AgreementState.ARCHIVED);
        } else if (event instanceof ReviewScheduled e) {
            meeting(
                    agreementId,
                    e.reviewId().toString(),
                    e.kind(),
                    e.title(),
                    "SCHEDULED",
                    e.startsAt(),
                    null,
                    e.location(),
                    e.reviewers(),
                    null,
                    null,
                    sequence);
        } else if (event instanceof ReviewHeld e) {
            meeting(
                    agreementId,
                    e.reviewId().toString(),
                    e.kind(),
                    e.title(),
                    "HELD",
                    null,
                    e.heldOn(),
                    e.location(),
                    e.reviewers(),
                    e.summary(),
                    e.decision(),
                    sequence);
        } else if (event instanceof ReviewRescheduled e) {
            jdbc.update(
                    "UPDATE " + MEETINGS + " SET starts_at = ?, starts_at_offset = ?, location = COALESCE(?, location),"
                            + " revision = revision + 1, last_sequence = ? WHERE review_id = ?",
                    Timestamp.from(e.startsAt().toInstant()),
                    e.startsAt().getOffset().getId(),
                    e.location(),
                    sequence,
                    e.reviewId().toString());
        } else if (event instanceof ReviewCancelled e) {
            jdbc.update(
                    "UPDATE " + MEETINGS + " SET status = 'CANCELLED', revision = revision + 1, last_sequence = ?"
                            + " WHERE review_id = ?",
                    sequence,
                    e.reviewId().toString());
        } else if (event instanceof ReviewOutcomeRecorded e) {
            jdbc.update(
                    "UPDATE " + MEETINGS + " SET status = 'HELD', held_on = ?, outcome_summary = ?,"
                            + " outcome_decision = ?, revision = revision + 1, last_sequence = ? WHERE review_id = ?",
                    e.heldOn(),
                    e.summary(),
                    e.decision().name(),
                    sequence,
                    e.reviewId().toString());
        }
    }

    private void state(String agreementId, AgreementState state) {
        jdbc.update("UPDATE " + AGREEMENTS + " SET state = ? WHERE agreement_id = ?", state.name(), agreementId);
    }

    private void meeting(
            String agreementId,
            String reviewId,
            ReviewKind kind,
            String title,
            String status,
            OffsetDateTime startsAt,
            LocalDate heldOn,
            String location,
            List<Reviewer> reviewers,
            String summary,
            ReviewDecision decision,
            long sequence) {
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + MEETINGS
                    + " (review_id, agreement_id, kind, title, status, starts_at, starts_at_offset, held_on, location,"
                    + " reviewers, reviewer_emails, outcome_summary, outcome_decision, revision, last_sequence)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 0, ?)"
                    + " ON CONFLICT (review_id) DO NOTHING")) {
                insert.setString(1, reviewId);
                insert.setString(2, agreementId);
                insert.setString(3, kind.name());
                insert.setString(4, title);
                insert.setString(5, status);
                insert.setTimestamp(6, startsAt == null ? null : Timestamp.from(startsAt.toInstant()));
                insert.setString(
                        7, startsAt == null ? null : startsAt.getOffset().getId());
                insert.setObject(8, heldOn);
                insert.setString(9, location);
                insert.setString(10, json.writeValueAsString(reviewers));
                insert.setArray(11, emails(connection, reviewers));
                insert.setString(12, summary);
                insert.setString(13, decision == null ? null : decision.name());
                insert.setLong(14, sequence);
                return insert.executeUpdate();
            }
        });
    }

    private static Array emails(Connection connection, List<Reviewer> reviewers) throws SQLException {
        return connection.createArrayOf(
                "text",
                reviewers.stream().map(r -> r.email().toLowerCase(Locale.ROOT)).toArray());
    }

    @QueryHandler
    public ReviewList find(FindReviews query) {
        String meetings = states.readTable(NAME, MEETINGS);
        String agreements = states.readTable(NAME, AGREEMENTS);
        StringBuilder sql =
                new StringBuilder("SELECT m.*, a.title AS agreement_title, a.lead_country, a.reminder_offsets,"
                        + " a.state AS agreement_state FROM "
                        + meetings + " m JOIN "
                        + agreements + " a ON a.agreement_id = m.agreement_id"
                        + " WHERE COALESCE((m.starts_at AT TIME ZONE '" + BusinessTime.ZONE.getId()
                        + "')::date, m.held_on)"
                        + " BETWEEN ? AND ?");
        List<Object> arguments = new ArrayList<>(List.of(query.from(), query.to()));
        if (query.party() != null) {
            sql.append(" AND a.party_ids @> ARRAY[?]::text[]");
            arguments.add(query.party());
        }
        if (query.reviewer() != null) {
            sql.append(" AND m.reviewer_emails @> ARRAY[?]::text[]");
            arguments.add(query.reviewer().toLowerCase(Locale.ROOT));
        }
        if (query.agreementId() != null) {
            sql.append(" AND m.agreement_id = ?");
            arguments.add(query.agreementId());
        }
        sql.append(" ORDER BY COALESCE(m.starts_at, m.held_on::timestamp AT TIME ZONE '")
                .append(BusinessTime.ZONE.getId())
                .append("'), m.review_id");
        java.util.Set<String> ofEndedAgreements = new java.util.HashSet<>();
        List<ReviewView> views = jdbc.query(
                sql.toString(),
                (rs, row) -> {
                    if (!AgreementState.IN_FORCE.name().equals(rs.getString("agreement_state"))) {
                        ofEndedAgreements.add(rs.getString("review_id"));
                    }
                    return view(rs);
                },
                arguments.toArray());
        Map<String, List<ReminderView>> reminders = reminders(views);
        return new ReviewList(views.stream()
                .map(v -> withReminders(
                        v, reminders.getOrDefault(v.reviewId(), List.of()), !ofEndedAgreements.contains(v.reviewId())))
                .toList());
    }

    private Map<String, List<ReminderView>> reminders(List<ReviewView> views) {
        Map<String, List<ReminderView>> byReview = new HashMap<>();
        if (views.isEmpty()) {
            return byReview;
        }
        jdbc.query(
                reminderSelect() + " WHERE r.review_id = ANY(?) ORDER BY r.issued_at, r.reminder_id, r.recipient_key",
                ps -> ps.setArray(
                        1,
                        ps.getConnection()
                                .createArrayOf(
                                        "text",
                                        views.stream().map(ReviewView::reviewId).toArray())),
                (ResultSet rs) -> {
                    ReminderView reminder = reminder(rs);
                    byReview.computeIfAbsent(reminder.reviewId(), r -> new ArrayList<>())
                            .add(reminder);
                });
        return byReview;
    }

    private String reminderSelect() {
        return REMINDER_SELECT.replace(REMINDERS + " r", states.readTable(NAME, REMINDERS) + " r");
    }

    private static final String REMINDER_SELECT = "SELECT r.reminder_id, r.agreement_id, r.review_id, r.subject,"
            + " r.recipient, r.recipient_name, r.offset_days, r.due_at, r.issued_at,"
            + " COALESCE(d.status, 'PENDING') AS delivery, COALESCE(d.attempts, 0) AS attempts, d.last_error,"
            + " d.delivered_at FROM " + REMINDERS + " r LEFT JOIN reminder_delivery d"
            + " ON d.reminder_id = r.reminder_id AND d.recipient_key = r.recipient_key";

    private static ReminderView reminder(ResultSet rs) throws SQLException {
        Timestamp due = rs.getTimestamp("due_at");
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new ReminderView(
                rs.getString("reminder_id"),
                rs.getString("agreement_id"),
                rs.getString("review_id"),
                rs.getString("subject"),
                rs.getString("recipient") != null ? rs.getString("recipient") : rs.getString("recipient_name"),
                rs.getInt("offset_days"),
                due == null ? null : due.toInstant(),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getString("delivery"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                delivered == null ? null : delivered.toInstant());
    }

    @QueryHandler
    public ReminderList reminders(FindReminders query) {
        StringBuilder where = new StringBuilder(" WHERE r.issued_at >= ?");
        List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(query.since())));
        if (query.reviewer() != null) {
            where.append(" AND r.recipient = ?");
            arguments.add(query.reviewer().toLowerCase(Locale.ROOT));
        }
        return new ReminderList(jdbc.query(
                reminderSelect() + where + " ORDER BY r.issued_at DESC, r.reminder_id, r.recipient_key LIMIT 1000",
                (rs, row) -> reminder(rs),
                arguments.toArray()));
    }

    /**
     * The meeting with the reminders issued for it and — while it is scheduled and its agreement in force — those still
     * to go out for its time ({@link ReminderTimes}, as the reminder plan sets its timers; an agreement that ended
     * withdrew them).
     */
    private ReviewView withReminders(ReviewView v, List<ReminderView> reminders, boolean agreementInForce) {
        List<PlannedReminder> planned = new ArrayList<>();
        if (agreementInForce && "SCHEDULED".equals(v.status()) && v.startsAt() != null) {
            Instant now = clock.instant();
            for (int offset : v.reminderOffsetsDays()) {
                Instant at = ReminderTimes.dueAt(v.startsAt(), offset);
                boolean issued = reminders.stream()
                        .anyMatch(r -> r.offsetDays() == offset
                                && r.dueAt() != null
                                && r.dueAt().equals(v.startsAt().toInstant()));
                if (!issued && at.isAfter(now)) {
                    planned.add(new PlannedReminder(offset, at));
                }
            }
            planned.sort(java.util.Comparator.comparing(PlannedReminder::at));
        }
        return withReminders(v, reminders, planned);
    }

    private static ReviewView withReminders(ReviewView v, List<ReminderView> reminders, List<PlannedReminder> planned) {
        return new ReviewView(
                v.agreementId(),
                v.agreementTitle(),
                v.reviewId(),
                v.kind(),
                v.title(),
                v.startsAt(),
                v.heldOn(),
                v.location(),
                v.reviewers(),
                v.status(),
                v.outcomeSummary(),
                v.outcomeDecision(),
                v.revision(),
                v.timeZone(),
                v.reminderOffsetsDays(),
                reminders,
                planned);
    }

    private ReviewView view(ResultSet rs) throws SQLException {
        Timestamp startsAt = rs.getTimestamp("starts_at");
        String offset = rs.getString("starts_at_offset");
        String decision = rs.getString("outcome_decision");
        java.sql.Date heldOn = rs.getDate("held_on");
        return new ReviewView(
                rs.getString("agreement_id"),
                json.readValue(rs.getString("agreement_title"), LocalizedText.class),
                rs.getString("review_id"),
                ReviewKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                startsAt == null ? null : OffsetDateTime.ofInstant(startsAt.toInstant(), ZoneOffset.of(offset)),
                heldOn == null ? null : heldOn.toLocalDate(),
                rs.getString("location"),
                json.readValue(rs.getString("reviewers"), REVIEWERS),
                rs.getString("status"),
                rs.getString("outcome_summary"),
                decision == null ? null : ReviewDecision.valueOf(decision),
                rs.getInt("revision"),
                BusinessTime.zoneOf(rs.getString("lead_country")).getId(),
                List.of((Integer[]) rs.getArray("reminder_offsets").getArray()),
                List.of(),
                List.of());
    }
}
