package se.coop.query.extract;

/**
 * The register's export in people's words rather than its codes: a column's header and a coded value (a state, a kind,
 * a yes or no) in a language (sv, da or en). The pages' own words are the one source (coop-web's messages), so a
 * spreadsheet says what the pages say.
 */
public interface RegisterWords {

    /** The header of the column named {@code column} (its JSON name) in {@code lang}. */
    String header(String column, String lang);

    /** {@code value} in words of {@code lang} when it is a code (an enum constant, a yes or no); else itself. */
    Object value(Object value, String lang);
}
