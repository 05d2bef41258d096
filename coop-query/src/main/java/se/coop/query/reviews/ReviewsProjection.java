package se.coop.query.reviews;

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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.AgreementState;
import se.coop.api.BusinessTime;
import se.coop.api.LocalizedText;
import se.coop.api.Participant;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewKind;
import se.coop.api.Reviewer;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
import se.coop.api.contact.Contacts;
import se.coop.api.event.AgreementEvent;
import se.coop.api.query.FindReviews;
import se.coop.api.query.PlannedReminder;
import se.coop.api.query.ReminderView;
import se.coop.api.query.ReviewList;
import se.coop.api.query.ReviewView;
import se.coop.query.QueryNode;
import se.coop.query.readmodel.BatchedFolds;
import se.coop.query.readmodel.FailureIsolation;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.readmodel.ReadModel;
import se.coop.query.readmodel.RecordedEvent;
import se.coop.query.reminders.IssuedReminders;
import se.coop.rules.ReminderTimes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reviews read model: every meeting with its time, place, reviewers and outcome, and the agreement it belongs to
 * (title, state, parties) so meetings can be listed per party or reviewer. Each agreement's rows are folded by
 * {@link ReviewsFold} over the processor's batch and written together ({@link BatchedFolds}); the reminders issued for a
 * meeting come from the issued-reminders read model.
 */
@QueryNode
@Component
@ProcessingGroup(ReviewsProjection.NAME)
public class ReviewsProjection implements ReadModel {

    public static final String NAME = "reviews";

    /** The read models a list of meetings is drawn from: the meetings, and the reminders issued for them. */
    public static final List<String> MEETINGS_DRAWN_FROM = List.of(NAME, IssuedReminders.NAME);

    static final String AGREEMENTS = "review_agreement";
    static final String MEETINGS = "review_meeting";

    private static final TypeReference<List<Participant>> REVIEWERS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ProjectionStates states;
    private final FailureIsolation isolation;
    private final IssuedReminders issued;
    private final Contacts contacts;
    private final JsonMapper json = JsonMapper.builder().build();
    private final BatchedFolds<ReviewsFold.Agreement> folds = new BatchedFolds<>(
            ReviewsProjection.class.getName(),
            new BatchedFolds.Rows<>() {
                @Override
                public void readAll(
                        Collection<String> ids,
                        BiConsumer<String, ReviewsFold.Agreement> found,
                        Consumer<String> unreadable) {
                    rowsOf(ids, unreadable).forEach(found);
                }

                @Override
                public Optional<ReviewsFold.Agreement> read(String agreementId) {
                    return Optional.ofNullable(
                            rowsOf(List.of(agreementId), null).get(agreementId));
                }

                @Override
                public ReviewsFold.Agreement empty(String agreementId) {
                    return new ReviewsFold.Agreement(agreementId);
                }

                @Override
                public void writeAll(List<BatchedFolds.Folded<ReviewsFold.Agreement>> changed) {
                    write(changed);
                }
            },
            ReviewsFold::apply);

    public ReviewsProjection(
            JdbcTemplate jdbc,
            ProjectionStates states,
            FailureIsolation isolation,
            IssuedReminders issued,
            Contacts contacts,
            Clock clock) {
        this.clock = clock;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.states = states;
        this.isolation = isolation;
        this.issued = issued;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(AGREEMENTS, MEETINGS);
    }

    @EventHandler
    void on(AgreementEvent event, DomainEventMessage<?> message) {
        isolation.handle(NAME, () -> {
            if (ReviewsFold.uses(event)) {
                folds.apply(RecordedEvent.of(event, message, 0));
            }
        });
    }

    @ResetHandler
    void reset() {
        states.startRebuild(NAME, tables());
    }

    /**
     * The rows of those of the agreements given the read model has, each with its meetings. An agreement whose rows
     * cannot be read goes to {@code unreadable}; without one, the read fails.
     */
    private Map<String, ReviewsFold.Agreement> rowsOf(Collection<String> ids, Consumer<String> unreadable) {
        Map<String, ReviewsFold.Agreement> found = new HashMap<>();
        jdbc.query(
                connection -> {
                    PreparedStatement select =
                            connection.prepareStatement("SELECT * FROM " + AGREEMENTS + " WHERE agreement_id = ANY(?)");
                    select.setArray(1, connection.createArrayOf("text", ids.toArray()));
                    return select;
                },
                (ResultSet rs) -> {
                    try {
                        found.put(rs.getString("agreement_id"), agreement(rs));
                    } catch (RuntimeException e) {
                        if (unreadable == null) {
                            throw e;
                        }
                        unreadable.accept(rs.getString("agreement_id"));
                    }
                });
        if (found.isEmpty()) {
            return found;
        }
        jdbc.query(
                connection -> {
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT * FROM " + MEETINGS + " WHERE agreement_id = ANY(?) ORDER BY review_id");
                    select.setArray(
                            1, connection.createArrayOf("text", found.keySet().toArray()));
                    return select;
                },
                (ResultSet rs) -> {
                    ReviewsFold.Agreement agreement = found.get(rs.getString("agreement_id"));
                    if (agreement == null) {
                        return;
                    }
                    try {
                        ReviewsFold.Meeting m = new ReviewsFold.Meeting();
                        m.reviewId = rs.getString("review_id");
                        m.kind = ReviewKind.valueOf(rs.getString("kind"));
                        m.title = rs.getString("title");
                        m.status = rs.getString("status");
                        Timestamp startsAt = rs.getTimestamp("starts_at");
                        m.startsAt = startsAt == null ? null : startsAt.toInstant();
                        m.startsAtOffset = rs.getString("starts_at_offset");
                        m.heldOn = rs.getObject("held_on", LocalDate.class);
                        m.location = rs.getString("location");
                        m.reviewers = rs.getString("reviewers");
                        m.reviewerEmails = List.of(
                                (String[]) rs.getArray("reviewer_emails").getArray());
                        m.outcomeSummary = rs.getString("outcome_summary");
                        m.outcomeDecision = rs.getString("outcome_decision");
                        m.revision = rs.getInt("revision");
                        m.lastSequence = rs.getLong("last_sequence");
                        agreement.meetings.put(m.reviewId, m);
                    } catch (RuntimeException e) {
                        if (unreadable == null) {
                            throw e;
                        }
                        found.remove(agreement.agreementId);
                        unreadable.accept(agreement.agreementId);
                    }
                });
        return found;
    }

    private static ReviewsFold.Agreement agreement(ResultSet rs) throws SQLException {
        ReviewsFold.Agreement a = new ReviewsFold.Agreement(rs.getString("agreement_id"));
        a.drafted = true;
        a.title = rs.getString("title");
        a.state = AgreementState.valueOf(rs.getString("state"));
        a.partyIds = List.of((String[]) rs.getArray("party_ids").getArray());
        a.leadPartyId = rs.getString("lead_party_id");
        a.leadCountry = rs.getString("lead_country");
        a.reminderOffsets = List.of((Integer[]) rs.getArray("reminder_offsets").getArray());
        a.lastSequence = rs.getLong("last_sequence");
        return a;
    }

    /** The agreements the batch changed, and those of their meetings it changed, each in one batch of upserts. */
    private void write(List<BatchedFolds.Folded<ReviewsFold.Agreement>> changed) {
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement agreements = connection.prepareStatement("INSERT INTO " + AGREEMENTS
                            + " (agreement_id, title, state, party_ids, lead_party_id, reminder_offsets, last_sequence,"
                            + " lead_country) VALUES (?, ?::jsonb, ?, ?, ?, ?, ?, ?) ON CONFLICT (agreement_id) DO UPDATE"
                            + " SET title = EXCLUDED.title, state = EXCLUDED.state, party_ids = EXCLUDED.party_ids,"
                            + " lead_party_id = EXCLUDED.lead_party_id, reminder_offsets = EXCLUDED.reminder_offsets,"
                            + " last_sequence = EXCLUDED.last_sequence, lead_country = EXCLUDED.lead_country");
                    PreparedStatement meetings = connection.prepareStatement("INSERT INTO " + MEETINGS
                            + " (review_id, agreement_id, kind, title, status, starts_at, starts_at_offset, held_on,"
                            + " location, reviewers, reviewer_emails, outcome_summary, outcome_decision, revision,"
                            + " last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (review_id) DO UPDATE SET status = EXCLUDED.status,"
                            + " starts_at = EXCLUDED.starts_at, starts_at_offset = EXCLUDED.starts_at_offset,"
                            + " held_on = EXCLUDED.held_on, location = EXCLUDED.location,"
                            + " outcome_summary = EXCLUDED.outcome_summary,"
                            + " outcome_decision = EXCLUDED.outcome_decision, revision = EXCLUDED.revision,"
                            + " last_sequence = EXCLUDED.last_sequence")) {
                boolean anyMeeting = false;
                for (BatchedFolds.Folded<ReviewsFold.Agreement> folded : changed) {
                    ReviewsFold.Agreement a = folded.state();
                    agreements.setString(1, a.agreementId);
                    agreements.setString(2, a.title);
                    agreements.setString(3, a.state.name());
                    agreements.setArray(4, connection.createArrayOf("text", a.partyIds.toArray()));
                    agreements.setString(5, a.leadPartyId);
                    agreements.setArray(6, connection.createArrayOf("integer", a.reminderOffsets.toArray()));
                    agreements.setLong(7, a.lastSequence);
                    agreements.setString(8, a.leadCountry);
                    agreements.addBatch();
                    for (ReviewsFold.Meeting m : a.meetings.values()) {
                        if (!m.changed) {
                            continue;
                        }
                        meetings.setString(1, m.reviewId);
                        meetings.setString(2, a.agreementId);
                        meetings.setString(3, m.kind.name());
                        meetings.setString(4, m.title);
                        meetings.setString(5, m.status);
                        meetings.setTimestamp(6, m.startsAt == null ? null : Timestamp.from(m.startsAt));
                        meetings.setString(7, m.startsAtOffset);
                        meetings.setObject(8, m.heldOn);
                        meetings.setString(9, m.location);
                        meetings.setString(10, m.reviewers);
                        meetings.setArray(11, connection.createArrayOf("text", m.reviewerEmails.toArray()));
                        meetings.setString(12, m.outcomeSummary);
                        meetings.setString(13, m.outcomeDecision);
                        meetings.setInt(14, m.revision);
                        meetings.setLong(15, m.lastSequence);
                        meetings.addBatch();
                        anyMeeting = true;
                    }
                }
                agreements.executeBatch();
                if (anyMeeting) {
                    meetings.executeBatch();
                }
                return null;
            }
        });
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
            List<String> keys = contacts.keysOf(query.reviewer());
            sql.append(" AND m.reviewer_emails && ARRAY[")
                    .append(String.join(", ", Collections.nCopies(keys.size(), "?")))
                    .append("]::text[]");
            arguments.addAll(keys);
        }
        if (query.agreementId() != null) {
            sql.append(" AND m.agreement_id = ?");
            arguments.add(query.agreementId());
        }
        sql.append(" ORDER BY COALESCE(m.starts_at, m.held_on::timestamp AT TIME ZONE '")
                .append(BusinessTime.ZONE.getId())
                .append("'), m.review_id");
        Set<String> ofEndedAgreements = new HashSet<>();
        List<ReviewView> views = jdbc.query(
                sql.toString(),
                (rs, row) -> {
                    if (!AgreementState.IN_FORCE.name().equals(rs.getString("agreement_state"))) {
                        ofEndedAgreements.add(rs.getString("review_id"));
                    }
                    return view(rs);
                },
                arguments.toArray());
        Map<String, List<ReminderView>> reminders =
                issued.forMeetings(views.stream().map(ReviewView::reviewId).toList());
        Map<ContactId, Contact> addresses = contacts.get(views.stream()
                .flatMap(v -> Contacts.contactsOf(v.reviewers()).stream())
                .toList());
        return new ReviewList(views.stream()
                .map(v -> withReminders(
                        v,
                        Contacts.withAddresses(v.reviewers(), addresses),
                        reminders.getOrDefault(v.reviewId(), List.of()),
                        !ofEndedAgreements.contains(v.reviewId())))
                .toList());
    }

    /**
     * The meeting with the reminders issued for it and — while it is scheduled and its agreement in force — those still
     * to go out for its time ({@link ReminderTimes}, as the reminder plan sets its timers; an agreement that ended
     * withdrew them).
     */
    private ReviewView withReminders(
            ReviewView v, List<Reviewer> reviewers, List<ReminderView> reminders, boolean agreementInForce) {
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
        return withReminders(v, reviewers, reminders, planned);
    }

    private static ReviewView withReminders(
            ReviewView v, List<Reviewer> reviewers, List<ReminderView> reminders, List<PlannedReminder> planned) {
        return new ReviewView(
                v.agreementId(),
                v.agreementTitle(),
                v.reviewId(),
                v.kind(),
                v.title(),
                v.startsAt(),
                v.heldOn(),
                v.location(),
                reviewers,
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
                Contacts.named(json.readValue(rs.getString("reviewers"), REVIEWERS)),
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
