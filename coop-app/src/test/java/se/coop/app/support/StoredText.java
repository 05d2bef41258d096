package se.coop.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where a text is kept in a database: every column of every table, read as an auditor with SQL would. */
public final class StoredText {

    private StoredText() {}

    /**
     * The columns ({@code table.column (rows)}) of every table holding {@code text}: a text, character, JSON or array
     * column in any case, a bytea column in its bytes as given or in lower case.
     */
    public static List<String> holding(JdbcTemplate jdbc, String text) {
        List<String> holding = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT table_name, column_name, data_type"
                + " FROM information_schema.columns c WHERE table_schema = current_schema()"
                + " AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea')"
                + " AND EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_schema = c.table_schema"
                + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE')");
        if (columns.size() < 50) {
            throw new IllegalStateException("only " + columns.size() + " columns to read: not Coop's schema");
        }
        for (Map<String, Object> column : columns) {
            String table = "\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            Long rows = "bytea".equals(column.get("data_type"))
                    ? jdbc.queryForObject(
                            "SELECT count(*) FROM " + table + " WHERE position(convert_to(?, 'UTF8') in " + name
                                    + ") > 0 OR position(convert_to(?, 'UTF8') in " + name + ") > 0",
                            Long.class,
                            text,
                            lower)
                    : jdbc.queryForObject(
                            "SELECT count(*) FROM " + table + " WHERE strpos(lower(" + name + "::text), ?) > 0",
                            Long.class,
                            lower);
            if (rows != null && rows > 0) {
                holding.add(column.get("table_name") + "." + column.get("column_name") + " (" + rows + ")");
            }
        }
        return holding;
    }
}
