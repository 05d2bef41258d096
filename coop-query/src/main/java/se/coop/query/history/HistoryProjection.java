package se.coop.query.history;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.AgreementKind;
import se.coop.api.Origin;
import se.coop.api.Party;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
import se.coop.api.contact.Contacts;
import se.coop.api.event.AgreementEvent;
import se.coop.api.event.IntentDrafted;
import se.coop.api.query.AgreementHistory;
import se.coop.api.query.FindHistory;
import se.coop.api.query.HistoryEntry;
import se.coop.api.reminder.ReviewReminderIssued;
import se.coop.query.QueryNode;
import se.coop.query.readmodel.BatchScope;
import se.coop.query.readmodel.EventPositions;
import se.coop.query.readmodel.FailureIsolation;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.readmodel.ReadModel;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history read model: each agreement event worded in Swedish and English when it is processed, with who recorded
 * it, for which party, and its reference. Writing an entry twice leaves one entry.
 */
@QueryNode
@Component
@ProcessingGroup(HistoryProjection.NAME)
public class HistoryProjection implements ReadModel {

    public static final String NAME = "history";
    static final String ENTRIES = "history_entry";
    static final String AGREEMENTS = "history_agreement";
    private static final String BATCH = HistoryProjection.class.getName();

    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {};

    private final Contacts contacts;
    private final JdbcTemplate jdbc;
    private final ProjectionStates states;
    private final EventPositions positions;
    private final FailureIsolation isolation;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, HistoryWording.Agreement> agreements =
            Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, HistoryWording.Agreement> eldest) {
                    return size() > 10_000;
                }
            });

    public HistoryProjection(
            JdbcTemplate jdbc,
            ProjectionStates states,
            EventPositions positions,
            FailureIsolation isolation,
            Contacts contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.states = states;
        this.positions = positions;
        this.isolation = isolation;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(ENTRIES, AGREEMENTS);
    }

    @EventHandler
    void on(AgreementEvent event, DomainEventMessage<?> message) {
        isolation.handle(NAME, () -> {
            String id = event.agreementId().toString();
            if (event instanceof IntentDrafted drafted) {
                Map<String, String> names = new LinkedHashMap<>();
                for (Party party : drafted.parties()) {
                    names.put(party.partyId().toString(), party.name());
                }
                jdbc.update(
                        "INSERT INTO " + AGREEMENTS + " (agreement_id, kind, parties) VALUES (?, ?, ?::jsonb)"
                                + " ON CONFLICT (agreement_id) DO NOTHING",
                        id,
                        drafted.kind().name(),
                        json.writeValueAsString(names));
            }
            HistoryWording.Agreement agreement = agreement(id)
                    .orElseGet(() -> new HistoryWording.Agreement(AgreementKind.COOPERATION_AGREEMENT, Map.of()));
            HistoryWording.Wording wording = HistoryWording.of(event, agreement);
            add(message, id, event, wording, Origin.of(message.getMetaData()).partyId(), wording.reference());
        });
    }

    /** An issued reminder, kept in its meeting's stream, joins the history of its agreement. */
    @EventHandler
    void on(ReviewReminderIssued event, DomainEventMessage<?> message) {
        isolation.handle(NAME, () -> {
            HistoryWording.Wording wording = HistoryWording.reminder(event);
            add(message, event.agreementId().toString(), event, wording, null, null);
        });
    }

    /** One entry, worded, with who recorded it: written with the rest of the batch. */
    private void add(
            DomainEventMessage<?> message,
            String agreementId,
            Object event,
            HistoryWording.Wording wording,
            String partyId,
            String reference) {
        Origin origin = Origin.of(message.getMetaData());
        entries().add(new Object[] {
            message.getIdentifier(),
            agreementId,
            positions.of(message),
            Timestamp.from(message.getTimestamp()),
            event.getClass().getSimpleName(),
            wording.sv(),
            wording.en(),
            wording.da(),
            origin.actor(),
            origin.role(),
            partyId,
            reference,
            origin.actorParties()
        });
    }

    /** The entries of the processor's batch, inserted together just before it commits. */
    private List<Object[]> entries() {
        return BatchScope.resource(BATCH, ArrayList::new, rows -> {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(
                        "INSERT INTO " + ENTRIES + " (event_id, agreement_id, position, recorded_at, type, summary_sv,"
                                + " summary_en, summary_da, actor, role, party_id, reference, actor_parties) VALUES (?, ?,"
                                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                        rows);
            }
        });
    }

    @ResetHandler
    void reset() {
        agreements.clear();
        states.startRebuild(NAME, tables());
    }

    @QueryHandler
    public Optional<AgreementHistory> find(FindHistory query) {
        String table = states.readTable(NAME, ENTRIES);
        // an entry written before Danish wording (V116) reads in Swedish until the history is rebuilt
        String summary = switch (query.language()) {
            case "en" -> "summary_en";
            case "da" -> "coalesce(summary_da, summary_sv)";
            default -> "summary_sv";
        };
        List<HistoryEntry> entries = jdbc.query(
                "SELECT position, recorded_at, type, " + summary + ", actor, role, party_id, reference, actor_parties"
                        + " FROM " + table
                        + " WHERE agreement_id = ? ORDER BY position, recorded_at",
                (rs, row) -> new HistoryEntry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        parties(rs.getString(9))),
                query.agreementId().toString());
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Map<ContactId, Contact> addresses = contacts.get(entries.stream()
                .flatMap(e -> HistoryWording.marked(e.summary()).stream())
                .toList());
        return Optional.of(new AgreementHistory(
                query.agreementId().toString(),
                entries.stream()
                        .map(e -> HistoryWording.marked(e.summary()).isEmpty()
                                ? e
                                : new HistoryEntry(
                                        e.position(),
                                        e.recordedAt(),
                                        e.type(),
                                        HistoryWording.addresses(e.summary(), addresses, query.language()),
                                        e.actor(),
                                        e.role(),
                                        e.partyId(),
                                        e.reference(),
                                        e.actorParties()))
                        .toList()));
    }

    private static List<String> parties(String recorded) {
        return recorded == null || recorded.isBlank() ? List.of() : List.of(recorded.split(","));
    }

    /**
     * The agreement's kind and party names, as drafted. They never change once written, so a bounded cache keeps the
     * recent ones and spares a query per event.
     */
    private Optional<HistoryWording.Agreement> agreement(String agreementId) {
        HistoryWording.Agreement cached = agreements.get(agreementId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<HistoryWording.Agreement> found = jdbc
                .query(
                        "SELECT kind, parties FROM " + AGREEMENTS + " WHERE agreement_id = ?",
                        (rs, row) -> new HistoryWording.Agreement(
                                AgreementKind.valueOf(rs.getString(1)), json.readValue(rs.getString(2), NAMES)),
                        agreementId)
                .stream()
                .findFirst();
        found.ifPresent(agreement -> agreements.put(agreementId, agreement));
        return found;
    }
}
