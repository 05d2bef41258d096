package se.coop.query.status;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.AgreementId;
import se.coop.api.AgreementState;
import se.coop.api.BusinessTime;
import se.coop.api.LocalizedText;
import se.coop.api.Party;
import se.coop.api.event.AgreementEvent;
import se.coop.api.query.AgreementCounts;
import se.coop.api.query.AgreementPage;
import se.coop.api.query.AgreementRecords;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.CountAgreements;
import se.coop.api.query.FindAgreementRecords;
import se.coop.api.query.FindAgreementStatus;
import se.coop.api.query.FindLinksTo;
import se.coop.api.query.LinkView;
import se.coop.api.query.LinksTo;
import se.coop.api.query.ListAgreements;
import se.coop.query.QueryNode;
import se.coop.query.readmodel.BatchedFolds;
import se.coop.query.readmodel.EventPositions;
import se.coop.query.readmodel.FailureIsolation;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.readmodel.ReadModel;
import se.coop.query.readmodel.RecordedEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status read model: one row per agreement holding its fold as JSON, with the columns the list filters on. Also
 * answers {@code asOf} and {@code validOn} by folding the agreement's stream with the same {@link StatusFold}.
 */
@QueryNode
@Component
@ProcessingGroup(StatusProjection.NAME)
public class StatusProjection implements ReadModel {

    public static final String NAME = "status";
    static final String TABLE = "agreement_status";
    private static final int FETCH = 500;

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final ProjectionStates states;
    private final Clock clock;
    private final EventPositions positions;
    private final FailureIsolation isolation;
    private final BatchedFolds<StatusState> folds = new BatchedFolds<>(
            StatusProjection.class.getName(),
            new BatchedFolds.Rows<>() {
                @Override
                public void readAll(
                        Collection<String> ids, BiConsumer<String, StatusState> found, Consumer<String> unreadable) {
                    StatusProjection.this.readAll(ids, found, unreadable);
                }

                @Override
                public Optional<StatusState> read(String agreementId) {
                    return load(TABLE, agreementId);
                }

                @Override
                public StatusState empty(String agreementId) {
                    return new StatusState();
                }

                @Override
                public void writeAll(List<BatchedFolds.Folded<StatusState>> changed) {
                    StatusProjection.this.writeAll(changed);
                }
            },
            StatusFold::apply);
    /** A read-only transaction, in which PostgreSQL hands rows over from a cursor, a fetch at a time. */
    private final TransactionTemplate cursor;
    /**
     * Reads a fold back exactly as it was written: a meeting's time keeps its offset, so a fold is the same whether
     * its events were applied in one batch or across several (as in a rebuild and live, respectively).
     */
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    public StatusProjection(
            JdbcTemplate jdbc,
            EventStore eventStore,
            ProjectionStates states,
            Clock clock,
            EventPositions positions,
            FailureIsolation isolation,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cursor = new TransactionTemplate(transactions);
        this.cursor.setReadOnly(true);
        this.positions = positions;
        this.eventStore = eventStore;
        this.states = states;
        this.clock = clock;
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
    void on(AgreementEvent event, DomainEventMessage<?> message) {
        isolation.handle(NAME, () -> folds.apply(recorded(event, message, positions.of(message))));
    }

    @ResetHandler
    void reset() {
        states.startRebuild(NAME, tables());
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
        return load(states.readTable(NAME, TABLE), query.agreementId().toString())
                .map(state -> StatusRendering.render(state, now, BusinessTime.ZONE));
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

    @QueryHandler
    public AgreementPage list(ListAgreements query) {
        String table = states.readTable(NAME, TABLE);
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = where(query.party(), query.country(), query.focusArea(), query.text(), arguments);
        if (query.state() != null) {
            where.append(" AND state = ?");
            arguments.add(query.state().name());
        }
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
                "SELECT fold FROM " + table + where + " ORDER BY created_position DESC LIMIT ? OFFSET ?",
                (rs, row) -> StatusRendering.render(read(rs.getString(1)), now, BusinessTime.ZONE),
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
        StringBuilder where = where(filter.party(), filter.country(), filter.focusArea(), filter.text(), arguments);
        if (filter.state() != null) {
            where.append(" AND state = ?");
            arguments.add(filter.state().name());
        }
        String sql = "SELECT fold FROM " + table + where + " ORDER BY created_position DESC";
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
                    row.accept(StatusRendering.render(read(rs.getString(1)), now, BusinessTime.ZONE));
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
                    StatusState other = read(rs.getString("fold"));
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
        StringBuilder where = where(query.party(), query.country(), query.focusArea(), query.text(), arguments);
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

    /** The list's filters but state, as one WHERE clause; their values are added to {@code arguments}. */
    private static StringBuilder where(
            String party, String country, String focusArea, String text, List<Object> arguments) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
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
                events.add(recorded(event, message, 0));
            }
        });
        return events.isEmpty() ? Optional.empty() : Optional.of(events);
    }

    private static RecordedEvent recorded(AgreementEvent event, DomainEventMessage<?> message, long position) {
        return new RecordedEvent(
                event, message.getSequenceNumber(), position, message.getTimestamp(), message.getMetaData());
    }

    /** The folds of the agreements given, in one query; a fold that cannot be read is left to its own event. */
    private void readAll(Collection<String> ids, BiConsumer<String, StatusState> found, Consumer<String> unreadable) {
        jdbc.query(
                connection -> {
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT agreement_id, fold FROM " + TABLE + " WHERE agreement_id = ANY(?)");
                    select.setArray(1, connection.createArrayOf("text", ids.toArray()));
                    return select;
                },
                (ResultSet rs) -> {
                    try {
                        found.accept(rs.getString(1), read(rs.getString(2)));
                    } catch (RuntimeException e) {
                        unreadable.accept(rs.getString(1));
                    }
                });
    }

    private Optional<StatusState> load(String table, String agreementId) {
        List<String> rows =
                jdbc.queryForList("SELECT fold FROM " + table + " WHERE agreement_id = ?", String.class, agreementId);
        return rows.stream().findFirst().map(this::read);
    }

    private StatusState read(String fold) {
        return json.readValue(fold, StatusState.class);
    }

    private void writeAll(List<BatchedFolds.Folded<StatusState>> changed) {
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO " + TABLE
                            + " (agreement_id, version, created_position, state, party_ids, countries, focus_areas,"
                            + " search_text, fold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
                            + " ON CONFLICT (agreement_id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state,"
                            + " party_ids = EXCLUDED.party_ids, countries = EXCLUDED.countries,"
                            + " focus_areas = EXCLUDED.focus_areas, search_text = EXCLUDED.search_text, fold = EXCLUDED.fold")) {
                for (BatchedFolds.Folded<StatusState> folded : changed) {
                    bind(connection, upsert, folded.state(), folded.firstChange());
                    upsert.addBatch();
                }
                return upsert.executeBatch();
            }
        });
    }

    private void bind(Connection connection, PreparedStatement upsert, StatusState state, long position)
            throws SQLException {
        Set<String> countries = new LinkedHashSet<>();
        List<String> partyIds = new ArrayList<>();
        StringBuilder search = new StringBuilder();
        append(search, state.title);
        for (Party party : state.parties) {
            partyIds.add(party.partyId().toString());
            countries.add(party.country());
            search.append(' ').append(party.name());
        }
        List<String> focusAreas = state.focusAreas.stream().map(f -> f.code()).collect(Collectors.toList());
        upsert.setString(1, state.agreementId);
        upsert.setLong(2, state.version);
        upsert.setLong(3, position);
        upsert.setString(4, state.state.name());
        upsert.setArray(5, array(connection, partyIds));
        upsert.setArray(6, array(connection, new ArrayList<>(countries)));
        upsert.setArray(7, array(connection, focusAreas));
        upsert.setString(8, search.toString().toLowerCase(Locale.ROOT));
        upsert.setString(9, json.writeValueAsString(state));
    }

    private static Array array(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static void append(StringBuilder search, LocalizedText title) {
        for (String text : new String[] {title.sv(), title.da(), title.en()}) {
            if (text != null) {
                search.append(' ').append(text);
            }
        }
    }
}
