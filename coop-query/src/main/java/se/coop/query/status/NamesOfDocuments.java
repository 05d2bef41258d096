package se.coop.query.status;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.DocumentKind;
import se.coop.api.document.DocumentNames;
import se.coop.query.admin.ReadYourWrites;
import se.coop.query.readmodel.ProjectionStates;

/**
 * Which agreements name a document, from the status read model's {@code document_name} (its copy while it is
 * rebuilt). Any node may ask, since the store's routes are on every node.
 */
@Component
class NamesOfDocuments implements DocumentNames {

    private final JdbcTemplate jdbc;
    private final ProjectionStates states;
    private final ReadYourWrites readYourWrites;

    NamesOfDocuments(JdbcTemplate jdbc, ProjectionStates states, ReadYourWrites readYourWrites) {
        this.jdbc = jdbc;
        this.states = states;
        this.readYourWrites = readYourWrites;
    }

    @Override
    public List<Naming> namedBy(String sha256) {
        return jdbc.query(
                "SELECT agreement_id, kind FROM " + states.readTable(StatusProjection.NAME, StatusProjection.NAMES)
                        + " WHERE sha256 = ? ORDER BY agreement_id, kind",
                (rs, row) -> new Naming(rs.getString(1), DocumentKind.valueOf(rs.getString(2))),
                sha256);
    }

    @Override
    public boolean current() {
        Long head = jdbc.queryForObject("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null || head == 0 || readYourWrites.await(head, ReadYourWrites.PATIENCE);
    }
}
