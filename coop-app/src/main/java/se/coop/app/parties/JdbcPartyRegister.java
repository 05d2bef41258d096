package se.coop.app.parties;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.CommandRefusedException;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.PartyId;
import se.coop.api.PartyKind;
import se.coop.api.register.NewParty;
import se.coop.api.register.PartyNames;
import se.coop.api.register.PartyRegister;
import se.coop.api.register.RegisteredParty;

/**
 * The party register in table {@code party_register} (V117). At start-up every entry of {@code parties/register.csv}
 * is written in one batch: a new one inserted, a changed one updated — unless a secretariat added an organisation
 * under that id first, which stays as added. Several nodes starting at once write the same rows.
 */
@Component
class JdbcPartyRegister implements PartyRegister, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(JdbcPartyRegister.class);
    static final String SEED = "parties/register.csv";
    private static final String COLUMNS = "party_id, kind, country, official_code, name_sv, name_da, name_en,"
            + " board_names, source, added_by, added_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcPartyRegister(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        List<Object[]> rows = new ArrayList<>();
        for (String[] line : seed()) {
            PartyNames names = new PartyNames(line[4], line[5], line[6]);
            rows.add(new Object[] {
                line[0],
                line[1],
                line[2],
                line[3],
                names.sv(),
                names.da(),
                names.en(),
                line[7],
                searchText(line[0], names, line[3]),
                line[2].equals("SE") ? "SCB (sjbrg/swedish-geodata)" : "Danmarks Adresseregister (hl7dk/dk-core)"
            });
        }
        int[][] written = jdbc.batchUpdate(
                "INSERT INTO party_register (party_id, kind, country, official_code, name_sv, name_da, name_en,"
                        + " board_names, search_text, source) VALUES (?, ?, ?, ?, ?, ?, ?, string_to_array(?, '|'), ?,"
                        + " ?) ON CONFLICT (party_id) DO UPDATE SET kind = EXCLUDED.kind, country = EXCLUDED.country,"
                        + " official_code = EXCLUDED.official_code, name_sv = EXCLUDED.name_sv, name_da ="
                        + " EXCLUDED.name_da, name_en = EXCLUDED.name_en, board_names = EXCLUDED.board_names,"
                        + " search_text = EXCLUDED.search_text, source = EXCLUDED.source"
                        + " WHERE party_register.added_by IS NULL AND (party_register.kind, party_register.country,"
                        + " party_register.official_code, party_register.name_sv, party_register.name_da,"
                        + " party_register.name_en, party_register.board_names, party_register.source) IS DISTINCT"
                        + " FROM (EXCLUDED.kind, EXCLUDED.country, EXCLUDED.official_code, EXCLUDED.name_sv,"
                        + " EXCLUDED.name_da, EXCLUDED.name_en, EXCLUDED.board_names, EXCLUDED.source)",
                rows,
                rows.size(),
                (statement, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        statement.setObject(i + 1, row[i]);
                    }
                });
        int changed = Arrays.stream(written)
                .flatMapToInt(Arrays::stream)
                .map(n -> Math.max(n, 0))
                .sum();
        if (changed > 0) {
            log.info("Party register: {} of {} published entries written from {}", changed, rows.size(), SEED);
        }
    }

    /** The seed file's entries, each its eight columns; notes ('#') left out. */
    static List<String[]> seed() {
        List<String[]> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(SEED).getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split(",", -1);
                if (columns.length != 8) {
                    throw new IllegalStateException(SEED + ": not eight columns in " + line);
                }
                lines.add(columns);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static String searchText(String partyId, PartyNames names, String officialCode) {
        // '|' before each part, so that a search can tell a name that begins with the words searched for
        return "|"
                + String.join(
                        "|",
                        PartyId.fold(names.sv()),
                        PartyId.fold(names.da()),
                        PartyId.fold(names.en()),
                        partyId,
                        officialCode == null ? "" : PartyId.fold(officialCode));
    }

    @Override
    public List<RegisteredParty> search(String q, String country, PartyKind kind, int limit) {
        // folded first (a no-break space becomes a space), then trimmed; '|' separates the parts of search_text
        String folded = q == null ? "" : PartyId.fold(q).replace("|", " ").strip();
        String words = folded.isEmpty() ? null : folded;
        String like = words == null ? null : "%" + escape(words) + "%";
        String begins = words == null ? null : "%|" + escape(words) + "%";
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM party_register WHERE (?::text IS NULL OR search_text LIKE ?)"
                        + " AND (?::text IS NULL OR country = ?) AND (?::text IS NULL OR kind = ?)"
                        + " ORDER BY CASE WHEN ?::text IS NOT NULL AND search_text LIKE ? THEN 0 ELSE 1 END, name_sv,"
                        + " party_id LIMIT ?",
                JdbcPartyRegister::party,
                like,
                like,
                country,
                country,
                kind == null ? null : kind.name(),
                kind == null ? null : kind.name(),
                begins,
                begins,
                Math.max(1, Math.min(10 * MOST, limit)));
    }

    private static String escape(String words) {
        return words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public Optional<RegisteredParty> get(String partyId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM party_register WHERE party_id = ?",
                        JdbcPartyRegister::party,
                        partyId)
                .stream()
                .findFirst();
    }

    @Override
    public RegisteredParty add(NewParty party, String addedBy) {
        PartyNames names = party.names().filled();
        String partyId = party.partyId() != null
                ? party.partyId()
                : PartyId.suggest(names.in(PartyNames.languageOf(party.country())));
        if (partyId == null) {
            throw new CoopProblem(
                    ErrorCode.VALIDATION_FAILED,
                    "partyId must be given: the name makes no id of 1 to 64 letters a-z, digits and hyphens",
                    "partyId");
        }
        Instant now = clock.instant();
        int inserted = jdbc.update(
                "INSERT INTO party_register (party_id, kind, country, official_code, name_sv, name_da, name_en,"
                        + " board_names, search_text, source, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?) ON CONFLICT (party_id) DO NOTHING",
                statement -> {
                    statement.setString(1, partyId);
                    statement.setString(2, party.kind().name());
                    statement.setString(3, party.country());
                    statement.setString(4, party.officialCode());
                    statement.setString(5, names.sv());
                    statement.setString(6, names.da());
                    statement.setString(7, names.en());
                    statement.setArray(
                            8,
                            statement
                                    .getConnection()
                                    .createArrayOf("text", party.boardNames().toArray()));
                    statement.setString(9, searchText(partyId, names, party.officialCode()));
                    statement.setString(10, "added");
                    statement.setString(11, addedBy);
                    statement.setTimestamp(12, Timestamp.from(now));
                });
        if (inserted == 0) {
            throw new CommandRefusedException(
                    ErrorCode.PARTY_ID_TAKEN,
                    "The party register has an organisation with id " + partyId + " already; give another partyId.",
                    "partyId");
        }
        return get(partyId).orElseThrow();
    }

    private static RegisteredParty party(ResultSet rs, int row) throws SQLException {
        Array boards = rs.getArray("board_names");
        Timestamp added = rs.getTimestamp("added_at");
        return new RegisteredParty(
                rs.getString("party_id"),
                new PartyNames(rs.getString("name_sv"), rs.getString("name_da"), rs.getString("name_en")),
                PartyKind.valueOf(rs.getString("kind")),
                rs.getString("country"),
                rs.getString("official_code"),
                boards == null ? List.of() : Arrays.asList((String[]) boards.getArray()),
                rs.getString("source"),
                rs.getString("added_by"),
                added == null ? null : added.toInstant());
    }
}
