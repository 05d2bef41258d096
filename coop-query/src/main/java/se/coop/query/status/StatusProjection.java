package se.coop.query.status;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.BusinessTime;
import se.coop.api.LocalizedText;
import se.coop.api.Party;
import se.coop.api.event.AgreementEvent;
import se.coop.api.query.Owed;
import se.coop.query.QueryNode;
import se.coop.query.readmodel.BatchedFolds;
import se.coop.query.readmodel.EventPositions;
import se.coop.query.readmodel.FailureIsolation;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.readmodel.ReadModel;
import se.coop.query.readmodel.RecordedEvent;

/**
 * The status read model: one row per agreement holding its fold ({@link StatusFold}) as JSON, with the columns the list
 * filters on, written a batch of events at a time ({@link BatchedFolds}). {@link StatusQueries} answers from it.
 */
@QueryNode
@Component
@ProcessingGroup(StatusProjection.NAME)
public class StatusProjection implements ReadModel {

    public static final String NAME = "status";
    static final String TABLE = "agreement_status";
    /** Which agreements name which documents (the store's {@code DocumentNames} reads it). */
    static final String NAMES = "document_name";

    private final JdbcTemplate jdbc;
    private final ProjectionStates states;
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
                    List<StatusState> read = new ArrayList<>(1);
                    StatusProjection.this.readAll(List.of(agreementId), (id, state) -> read.add(state), id -> {
                        throw new IllegalStateException("the fold of " + id + " cannot be read");
                    });
                    return read.stream().findFirst();
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

    public StatusProjection(
            JdbcTemplate jdbc, ProjectionStates states, EventPositions positions, FailureIsolation isolation) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.states = states;
        this.isolation = isolation;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE, NAMES);
    }

    @EventHandler
    void on(AgreementEvent event, DomainEventMessage<?> message) {
        isolation.handle(NAME, () -> folds.apply(RecordedEvent.of(event, message, positions.of(message))));
    }

    @ResetHandler
    void reset() {
        states.startRebuild(NAME, tables());
    }

    /**
     * After a rebuild, the rows of agreements whose streams a verification found deleted whole are put back as they
     * were when found (missing_stream): without their events the replay cannot make them, and the register must go on
     * listing them, marked missing.
     */
    @Override
    public void rebuilt() {
        jdbc.update("INSERT INTO " + TABLE + " SELECT (jsonb_populate_record(NULL::" + TABLE + ", m.status_row)).*"
                + " FROM missing_stream m WHERE m.status_row IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM " + TABLE + " s WHERE s.agreement_id = m.aggregate_id)");
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
                        found.accept(rs.getString(1), StatusState.fromJson(rs.getString(2)));
                    } catch (RuntimeException e) {
                        unreadable.accept(rs.getString(1));
                    }
                });
    }

    private void writeAll(List<BatchedFolds.Folded<StatusState>> changed) {
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + TABLE
                    + " (agreement_id, version, created_position, state, party_ids, countries, focus_areas,"
                    + " search_text, fold, owing_party_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
                    + " ON CONFLICT (agreement_id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state,"
                    + " party_ids = EXCLUDED.party_ids, countries = EXCLUDED.countries,"
                    + " focus_areas = EXCLUDED.focus_areas, search_text = EXCLUDED.search_text, fold = EXCLUDED.fold,"
                    + " owing_party_ids = EXCLUDED.owing_party_ids")) {
                for (BatchedFolds.Folded<StatusState> folded : changed) {
                    bind(connection, upsert, folded.state(), folded.firstChange());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            writeNames(connection, changed);
            return null;
        });
    }

    /** The documents named by each agreement whose names changed in this batch, written afresh. */
    private static void writeNames(Connection connection, List<BatchedFolds.Folded<StatusState>> changed)
            throws SQLException {
        List<StatusState> renamed = changed.stream()
                .map(BatchedFolds.Folded::state)
                .filter(state -> state.namesChanged)
                .toList();
        if (renamed.isEmpty()) {
            return;
        }
        try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + NAMES + " WHERE agreement_id = ANY(?)");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + NAMES + " (sha256, agreement_id, kind) VALUES (?, ?, ?)")) {
            delete.setArray(
                    1,
                    array(
                            connection,
                            renamed.stream().map(state -> state.agreementId).toList()));
            delete.executeUpdate();
            for (StatusState state : renamed) {
                for (StatusState.Name name : state.names()) {
                    insert.setString(1, name.sha256());
                    insert.setString(2, state.agreementId);
                    insert.setString(3, name.kind().name());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
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
        upsert.setString(9, state.toJson());
        upsert.setArray(10, array(connection, owing(state)));
    }

    /**
     * The parties that owe the agreement something ({@link Owed}), as its state stood when its last event was recorded:
     * what a party owes changes only with an event, so the row is right until the next one.
     */
    static List<String> owing(StatusState state) {
        Instant at = state.updatedAt != null ? state.updatedAt : Instant.EPOCH;
        return Owed.owing(StatusRendering.render(state, at, BusinessTime.ZONE));
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
