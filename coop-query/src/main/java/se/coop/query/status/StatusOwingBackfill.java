package se.coop.query.status;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.query.QueryNode;

/**
 * Fills {@code owing_party_ids} (V119) of the status rows written before it existed, once at start-up, from each row's
 * own fold and by the same rule the projection writes it with ({@link StatusProjection#owing}). A row the projection
 * writes meanwhile has its own value and is left as it is; several nodes starting at once fill the same rows alike.
 * The rebuild table is not touched: a rebuild writes every row afresh.
 */
@QueryNode
@Component
public class StatusOwingBackfill {

    private static final Logger log = LoggerFactory.getLogger(StatusOwingBackfill.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    StatusOwingBackfill(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void fill() {
        long filled = 0;
        while (true) {
            List<Object[]> rows = new ArrayList<>();
            jdbc.query(
                    "SELECT agreement_id, fold FROM " + StatusProjection.TABLE + " WHERE owing_party_ids IS NULL LIMIT "
                            + BATCH,
                    rs -> {
                        StatusState state = StatusState.fromJson(rs.getString(2));
                        rows.add(new Object[] {String.join(",", StatusProjection.owing(state)), rs.getString(1)});
                    });
            if (rows.isEmpty()) {
                break;
            }
            jdbc.batchUpdate(
                    "UPDATE " + StatusProjection.TABLE + " SET owing_party_ids = string_to_array(?, ',')"
                            + " WHERE agreement_id = ? AND owing_party_ids IS NULL",
                    rows);
            filled += rows.size();
        }
        if (filled > 0) {
            log.info("Status: filled who owes what for {} agreements recorded before V119", filled);
        }
    }
}
