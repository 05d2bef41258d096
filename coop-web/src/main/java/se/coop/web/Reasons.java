package se.coop.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The API's reasons for refusing a field (English, as in its problem details) in the page's language. A reason this
 * table does not know is shown as the API wrote it, marked as English by the page.
 */
@Component("reasons")
public class Reasons {

    private static final Map<Pattern, String> SWEDISH = new LinkedHashMap<>();

    static {
        swedish("must not be (null|blank|empty)", "måste fyllas i");
        swedish("must not be (null|blank|empty) when scheduling a meeting", "måste fyllas i när ett möte planeras");
        swedish("must not be (null|blank|empty) when recording a held meeting", "måste fyllas i för ett hållet möte");
        swedish(".*expected a date as YYYY-MM-DD", "ange ett datum som ÅÅÅÅ-MM-DD");
        swedish(".*expected an instant as ISO-8601.*", "ange datum och klockslag");
        swedish(".*expected a date and time as ISO-8601.*", "ange datum och klockslag");
        swedish("must lie between 1900-01-01 and 2199-12-31", "måste ligga mellan 1900-01-01 och 2199-12-31");
        swedish("must be an https: or http: address", "måste vara en https:- eller http:-adress");
        swedish(
                "this local time does not exist in (.*): the clocks go forward then",
                "klockslaget finns inte i $1: klockan ställs fram då");
        swedish(
                "must be the version of the agreement the page showed, a whole number",
                "måste vara avtalets version som sidan visade, ett heltal");
        swedish(".*expected a whole number", "ange ett heltal");
        swedish(".*expected true or false", "välj ja eller nej");
        swedish("'(.*)' is not valid; expected one of (.*)", "”$1” går inte att välja; välj ett av $2");
        swedish("must be a SHA-256: 64 hexadecimal digits", "måste vara en SHA-256-summa: 64 hexadecimala tecken");
        swedish("a SHA-256 is 64 hexadecimal digits", "en SHA-256-summa är 64 hexadecimala tecken");
        swedish("must be a well-formed email address", "måste vara en e-postadress");
        swedish("size must be between (\\d+) and (\\d+)", "ska ha mellan $1 och $2 tecken eller rader");
        swedish("must be greater than or equal to (\\d+)", "måste vara minst $1");
        swedish("must be less than or equal to (\\d+)", "får vara högst $1");
        swedish("must be greater than or equal to 0", "får inte vara negativt");
        swedish(
                "country must be an ISO 3166-1 alpha-2 code such as SE or DK",
                "landet anges med sin kod enligt ISO 3166-1, t.ex. SE eller DK");
        swedish("unknown field; this endpoint does not take it", "okänt fält");
    }

    private static void swedish(String english, String swedish) {
        SWEDISH.put(Pattern.compile(english), swedish);
    }

    /** The reason (or reasons, joined by "; ") in the page's language, or null when only the English is known. */
    public String translated(String reason) {
        if (reason == null || !Formats.swedish()) {
            return reason;
        }
        if (reason.contains("; ")) {
            StringBuilder all = new StringBuilder();
            for (String part : reason.split("; ")) {
                String one = translated(part);
                if (one == null) {
                    return null;
                }
                all.append(all.isEmpty() ? "" : "; ").append(one);
            }
            return all.toString();
        }
        for (Map.Entry<Pattern, String> entry : SWEDISH.entrySet()) {
            Matcher matcher = entry.getKey().matcher(reason);
            if (matcher.matches()) {
                return matcher.replaceFirst(entry.getValue());
            }
        }
        return null;
    }
}
