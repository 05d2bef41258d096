package se.coop.query.status;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.AgreementId;
import se.coop.api.AgreementState;
import se.coop.api.BusinessTime;
import se.coop.api.LocalizedText;
import se.coop.api.document.Documents;
import se.coop.api.document.StoredDocument;
import se.coop.api.event.AgreementEvent;
import se.coop.api.query.AgreementCounts;
import se.coop.api.query.AgreementDocuments;
import se.coop.api.query.AgreementPage;
import se.coop.api.query.AgreementRecords;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.CountAgreements;
import se.coop.api.query.FindAgreementDocuments;
import se.coop.api.query.FindAgreementRecords;
import se.coop.api.query.FindAgreementStatus;
import se.coop.api.query.FindLinksTo;
import se.coop.api.query.LinkView;
import se.coop.api.query.LinksTo;
import se.coop.api.query.ListAgreements;
import se.coop.query.QueryNode;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.readmodel.RecordedEvent;

/**
 * Answers the queries on agreements from the status read model ({@link StatusProjection}): one agreement's status,
 * rendered for today ({@link StatusRendering}) or, with {@code asOf} and {@code validOn}, folded afresh from its stream
 * by the same {@link StatusFold}; its records; the list, its counts and export; the agreements linking to one.
 */
@QueryNode
@Component
public class StatusQueries {

    private static final String NAME = StatusProjection.NAME;
    private static final String TABLE = StatusProjection.TABLE;
    private static final int FETCH = 500;

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final ProjectionStates states;
    private final Clock clock;
    private final ObjectProvider<Documents> documents;
    /** A read-only transaction, in which PostgreSQL hands rows over from a cursor, a fetch at a time. */
    private final TransactionTemplate cursor;

    StatusQueries(
            JdbcTemplate jdbc,
            EventStore eventStore,
            ProjectionStates states,
            Clock clock,
            PlatformTransactionManager transactions,
            ObjectProvider<Documents> documents) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.states = states;
        this.clock = clock;
        this.cursor = new TransactionTemplate(transactions);
        this.cursor.setReadOnly(true);
    }

    @QueryHandler
    public Optional<AgreementStatusView> find(FindAgreementStatus query) {
        Instant now = clock.instant();
        if (query.asOf() != null) {
            return stream(query.agreementId()).flatMap(events -> StatusFold.asOf(events, query.asOf()));
        }
        if (query.validOn() != null) {
            return stream(query.agreementId()).map(events -> StatusFold.validOn(events, query.validOn()));
        }
        // the fold and the mark of a stream found deleted whole, in one statement
        return jdbc
                .query(
                        withMissing(states.readTable(NAME, TABLE)) + " WHERE s.agreement_id = ?",
                        (rs, row) -> viewOf(rs, now),
                        query.agreementId().toString())
                .stream()
                .findFirst();
    }

    /** Rows of the status read model with the mark of a stream found deleted whole, if any ({@link #viewOf}). */
    private static String withMissing(String table) {
        return "SELECT s.fold, m.found_at, m.checkpoint_id, m.verification_id, m.covered_sequence FROM " + table
                + " s LEFT JOIN missing_stream m ON m.aggregate_id = s.agreement_id";
    }

    private static AgreementStatusView viewOf(ResultSet rs, Instant now) throws java.sql.SQLException {
        AgreementStatusView view =
                StatusRendering.render(StatusState.fromJson(rs.getString(1)), now, BusinessTime.ZONE);
        java.sql.Timestamp found = rs.getTimestamp(2);
        return found == null
                ? view
                : view.withMissingFromStore(new AgreementStatusView.MissingFromStore(
                        found.toInstant(), rs.getString(3), rs.getString(4), rs.getLong(5)));
    }

    /** Every act of the agreement's stream, as recorded at {@code asOf} or true on {@code validOn} (or all of them). */
    @QueryHandler
    public Optional<AgreementRecords> records(FindAgreementRecords query) {
        return stream(query.agreementId()).map(events -> {
            if (query.asOf() != null) {
                return RecordsFold.of(
                        query.agreementId().toString(),
                        StatusFold.recordedBy(events, query.asOf()),
                        LocalDate.ofInstant(query.asOf(), BusinessTime.ZONE));
            }
            if (query.validOn() != null) {
                return RecordsFold.of(
                        query.agreementId().toString(), StatusFold.validBy(events, query.validOn()), query.validOn());
            }
            return RecordsFold.of(query.agreementId().toString(), events, BusinessTime.today(clock));
        });
    }

    /**
     * Every document the agreement names, as recorded at {@code asOf} or true on {@code validOn} (or all of them), each
     * with what the store holds of it.
     */
    @QueryHandler
    public Optional<AgreementDocuments> documents(FindAgreementDocuments query) {
        return stream(query.agreementId()).map(events -> {
            List<RecordedEvent> slice = query.asOf() != null
                    ? StatusFold.recordedBy(events, query.asOf())
                    : query.validOn() != null ? StatusFold.validBy(events, query.validOn()) : events;
            AgreementDocuments named = DocumentsFold.of(query.agreementId().toString(), slice);
            Documents store = documents.getIfAvailable();
            Map<String, StoredDocument> stored = store == null
                    ? Map.of()
                    : store.find(named.documents().stream()
                            .map(AgreementDocuments.NamedDocument::sha256)
                            .toList());
            List<AgreementDocuments.NamedDocument> withStored = named.documents().stream()
                    .map(d -> d.withStored(stored.get(d.sha256())))
                    .toList();
            StoredDocument text = named.textSha256() == null ? null : stored.get(named.textSha256());
            return new AgreementDocuments(
                    named.agreementId(), named.textSha256(), text != null && text.held(), withStored);
        });
    }

    @QueryHandler
    public AgreementPage list(ListAgreements query) {
        String table = states.readTable(NAME, TABLE);
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = where(query, arguments);
        // the matches counted up to one more than are counted exactly: a filter matching most of the register costs
        // no more than one that matches ten thousand
        long counted = jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT 1 FROM " + table + where + " LIMIT "
                        + (AgreementPage.EXACT_TOTAL_UP_TO + 1) + ") matches",
                Long.class,
                arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(query.size());
        paged.add((long) query.page() * query.size());
        Instant now = clock.instant();
        List<AgreementStatusView> content = jdbc.query(
                withMissing(table) + where + " ORDER BY created_position DESC LIMIT ? OFFSET ?",
                (rs, row) -> viewOf(rs, now),
                paged.toArray());
        return AgreementPage.of(content, query.page(), query.size(), counted);
    }

    /**
     * Every agreement the list's filters match (its page and size aside), newest first, handed to {@code row} one at a
     * time as the database sends them: an export of the whole register holds one fetch of rows, never all of them.
     */
    public void forEach(ListAgreements filter, Consumer<AgreementStatusView> row) {
        String table = states.readTable(NAME, TABLE);
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = where(filter, arguments);
        String sql = withMissing(table) + where + " ORDER BY created_position DESC";
        Instant now = clock.instant();
        cursor.executeWithoutResult(transaction -> jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    statement.setFetchSize(FETCH);
                    for (int i = 0; i < arguments.size(); i++) {
                        statement.setObject(i + 1, arguments.get(i));
                    }
                    return statement;
                },
                (ResultSet rs) -> {
                    row.accept(viewOf(rs, now));
                }));
    }

    @QueryHandler
    public LinksTo linksTo(FindLinksTo query) {
        String table = states.readTable(NAME, TABLE);
        String id = query.agreementId().toString();
        List<LinkView> links = new ArrayList<>();
        jdbc.query(
                "SELECT agreement_id, fold FROM " + table
                        + " WHERE fold -> 'links' @> ?::jsonb ORDER BY created_position",
                rs -> {
                    StatusState other = StatusState.fromJson(rs.getString("fold"));
                    for (LinkView link : other.links) {
                        if (id.equals(link.otherAgreementId())) {
                            links.add(new LinkView(link.type(), rs.getString("agreement_id"), title(other)));
                        }
                    }
                },
                "[{\"otherAgreementId\": \"" + id + "\"}]");
        return new LinksTo(id, links);
    }

    private static String title(StatusState state) {
        LocalizedText title = state.title;
        if (title == null) {
            return null;
        }
        return title.in("sv");
    }

    @QueryHandler
    public AgreementCounts count(CountAgreements query) {
        String table = states.readTable(NAME, TABLE);
        List<Object> arguments = new ArrayList<>();
        StringBuilder where =
                where(query.party(), query.country(), query.focusArea(), query.text(), query.owing(), arguments);
        Map<AgreementState, Long> byState = new EnumMap<>(AgreementState.class);
        for (AgreementState state : AgreementState.values()) {
            byState.put(state, 0L);
        }
        jdbc.query(
                "SELECT state, count(*) FROM " + table + where + " GROUP BY state",
                rs -> {
                    byState.put(AgreementState.valueOf(rs.getString(1)), rs.getLong(2));
                },
                arguments.toArray());
        return new AgreementCounts(
                byState, byState.values().stream().mapToLong(Long::longValue).sum());
    }

    /** The list's filters, state included, as one WHERE clause; their values are added to {@code arguments}. */
    private static StringBuilder where(ListAgreements filter, List<Object> arguments) {
        StringBuilder where =
                where(filter.party(), filter.country(), filter.focusArea(), filter.text(), filter.owing(), arguments);
        if (filter.state() != null) {
            where.append(" AND state = ?");
            arguments.add(filter.state().name());
        }
        return where;
    }

    /** The list's filters but state, as one WHERE clause; their values are added to {@code arguments}. */
    private static StringBuilder where(
            String party, String country, String focusArea, String text, List<String> owing, List<Object> arguments) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (owing != null) {
            // the parties that still owe something (Owed), kept with each row by the status projection
            where.append(" AND owing_party_ids && string_to_array(?, ',')");
            arguments.add(String.join(",", owing));
        }
        if (party != null) {
            where.append(" AND party_ids @> ARRAY[?]::text[]");
            arguments.add(party);
        }
        if (country != null) {
            where.append(" AND countries @> ARRAY[?]::text[]");
            arguments.add(country.toUpperCase(Locale.ROOT));
        }
        if (focusArea != null) {
            where.append(" AND focus_areas @> ARRAY[?]::text[]");
            arguments.add(focusArea);
        }
        if (text != null) {
            where.append(" AND strpos(search_text, ?) > 0");
            arguments.add(text.toLowerCase(Locale.ROOT));
        }
        return where;
    }

    /** The agreement's events as stored (upcast), or empty when there is no such agreement. */
    private Optional<List<RecordedEvent>> stream(AgreementId agreementId) {
        List<RecordedEvent> events = new ArrayList<>();
        eventStore.readEvents(agreementId.toString()).asStream().forEach(message -> {
            if (message.getPayload() instanceof AgreementEvent event) {
                events.add(RecordedEvent.of(event, message, 0));
            }
        });
        return events.isEmpty() ? Optional.empty() : Optional.of(events);
    }
}
