package se.coop.app.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A register far larger than a test could draft through the API: copies of one agreement's status row, each with only
 * the party {@code party}, so that a list filtered by that party matches exactly the copies.
 */
public final class LargeRegister {

    private LargeRegister() {}

    /** Copies {@code agreementId}'s status row as {@code party}-{@code from} … {@code party}-{@code to}. */
    public static void copies(JdbcTemplate jdbc, String agreementId, String party, int from, int to) {
        jdbc.update(
                "INSERT INTO agreement_status (agreement_id, version, created_position, state, party_ids, countries,"
                        + " focus_areas, search_text, fold) SELECT ? || '-' || g, version, created_position, state,"
                        + " ARRAY[?]::text[], countries, focus_areas, search_text, fold"
                        + " FROM agreement_status, generate_series(?, ?) g WHERE agreement_id = ?",
                party,
                party,
                from,
                to,
                agreementId);
    }

    /** Removes the copies again. */
    public static void remove(JdbcTemplate jdbc, String party) {
        jdbc.update("DELETE FROM agreement_status WHERE party_ids @> ARRAY[?]::text[]", party);
    }
}
