package se.coop.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The API's reasons for refusing a field (English, as in its problem details) in the page's language (Swedish or
 * Danish). A reason this
 * table does not know is shown as the API wrote it, marked as English by the page.
 */
@Component("reasons")
public class Reasons {

    /** Each English reason's pattern, with its Swedish and its Danish. */
    private static final Map<Pattern, String[]> TRANSLATED = new LinkedHashMap<>();

    static {
        reason("must not be (null|blank|empty)", "måste fyllas i", "skal udfyldes");
        // a webhook endpoint (WebhookAddresses)
        reason(
                "Its host (\\S+) resolves to (\\S+), .*: Coop sends webhooks to public addresses only\\.",
                "värden $1 pekar på $2, som inte är en publik adress: Coop skickar bara webhooks till publika adresser",
                "værten $1 peger på $2, som ikke er en offentlig adresse: Coop sender kun webhooks til offentlige"
                        + " adresser");
        reason("Its host (\\S+) does not resolve\\.", "värden $1 finns inte", "værten $1 findes ikke");
        reason(
                "It must use https \\(plain http only for the hosts in coop.webhooks.allowed-local-hosts\\)\\.",
                "måste använda https",
                "skal bruge https");
        reason(
                "It must be an absolute https URL with a host\\.",
                "måste vara en fullständig https-adress med värdnamn",
                "skal være en fuldstændig https-adresse med værtsnavn");
        reason(
                "It must not carry a user name or password: Coop signs what it sends instead\\.",
                "får inte innehålla användarnamn eller lösenord: Coop signerar det som skickas",
                "må ikke indeholde brugernavn eller adgangskode: Coop signerer det, der sendes");
        reason("Its port must be 1 to 65535\\.", "porten måste vara 1 till 65535", "porten skal være 1 til 65535");
        reason(
                "must be one of your own parties: (.*)",
                "måste vara en av dina egna parter: $1",
                "skal være en af dine egne parter: $1");
        reason("It must not have a fragment\\.", "får inte ha något #-fragment", "må ikke have et #-fragment");
        reason("It is not a URL: .*", "är ingen giltig adress", "er ikke en gyldig adresse");
        reason(
                "There is no event type '(.*)'; the types are .*",
                "det finns ingen händelsetyp ”$1”",
                "der findes ingen hændelsestype ”$1”");
        reason(
                "must not be (null|blank|empty) when scheduling a meeting",
                "måste fyllas i när ett möte planeras",
                "skal udfyldes, når et møde planlægges");
        reason(
                "must not be (null|blank|empty) when recording a held meeting",
                "måste fyllas i för ett hållet möte",
                "skal udfyldes for et afholdt møde");
        reason(".*expected a date as YYYY-MM-DD", "ange ett datum som ÅÅÅÅ-MM-DD", "angiv en dato som ÅÅÅÅ-MM-DD");
        reason(".*expected an instant as ISO-8601.*", "ange datum och klockslag", "angiv dato og klokkeslæt");
        reason(".*expected a date and time as ISO-8601.*", "ange datum och klockslag", "angiv dato og klokkeslæt");
        reason(
                "must lie between 1900-01-01 and 2199-12-31",
                "måste ligga mellan 1900-01-01 och 2199-12-31",
                "skal ligge mellem 1900-01-01 og 2199-12-31");
        reason(
                "must be an https: or http: address",
                "måste vara en https:- eller http:-adress",
                "skal være en https:- eller http:-adresse");
        reason(
                "this local time does not exist in (.*): the clocks go forward then",
                "klockslaget finns inte i $1: klockan ställs fram då",
                "klokkeslættet findes ikke i $1: uret stilles frem da");
        reason(
                "must be the version of the agreement the page showed, a whole number",
                "måste vara avtalets version som sidan visade, ett heltal",
                "skal være aftalens version, som siden viste, et heltal");
        reason(".*expected a whole number", "ange ett heltal", "angiv et heltal");
        reason(
                "must name the organisation in at least one of sv, da and en",
                "ange organisationens namn på minst ett av svenska, danska och engelska",
                "angiv organisationens navn på mindst ét af svensk, dansk og engelsk");
        reason(
                "must be an ISO 3166-1 alpha-2 code such as SE or DK",
                "måste vara en landskod som SE eller DK",
                "skal være en landekode som SE eller DK");
        reason(
                "must be 1 to 64 lower-case letters a-z, digits and single hyphens, e.g. hogskolan-i-halmstad",
                "måste vara 1 till 64 små bokstäver a–z, siffror och enstaka bindestreck, t.ex. hogskolan-i-halmstad",
                "skal være 1 til 64 små bogstaver a–z, cifre og enkelte bindestreger, f.eks. hogskolan-i-halmstad");
        reason(
                "partyId must be given: the name makes no id of 1 to 64 letters a-z, digits and hyphens",
                "ange ett id: namnet ger inget id av 1 till 64 bokstäver a–z, siffror och bindestreck",
                "angiv et id: navnet giver intet id af 1 til 64 bogstaver a–z, cifre og bindestreger");
        reason(".*expected true or false", "välj ja eller nej", "vælg ja eller nej");
        reason(
                "'(.*)' is not valid; expected one of (.*)",
                "”$1” går inte att välja; välj ett av $2",
                "”$1” kan ikke vælges; vælg en af $2");
        reason(
                "must be a SHA-256: 64 hexadecimal digits",
                "måste vara en SHA-256-summa: 64 hexadecimala tecken",
                "skal være en SHA-256-sum: 64 hexadecimale tegn");
        reason(
                "a SHA-256 is 64 hexadecimal digits",
                "en SHA-256-summa är 64 hexadecimala tecken",
                "en SHA-256-sum er 64 hexadecimale tegn");
        reason("must be a well-formed email address", "måste vara en e-postadress", "skal være en e-mailadresse");
        reason(
                "size must be between (\\d+) and (\\d+)",
                "ska ha mellan $1 och $2 tecken eller rader",
                "skal have mellem $1 og $2 tegn eller linjer");
        reason("must be greater than or equal to (\\d+)", "måste vara minst $1", "skal være mindst $1");
        reason("must be less than or equal to (\\d+)", "får vara högst $1", "må højst være $1");
        reason("must be greater than or equal to 0", "får inte vara negativt", "må ikke være negativ");
        reason(
                "country must be an ISO 3166-1 alpha-2 code such as SE or DK",
                "landet anges med sin kod enligt ISO 3166-1, t.ex. SE eller DK",
                "landet angives med sin kode efter ISO 3166-1, f.eks. SE eller DK");
        reason("unknown field; this endpoint does not take it", "okänt fält", "ukendt felt");
        reason(
                "must be an https: or http: address \\(or a urn:\\)",
                "måste vara en https:- eller http:-adress (eller en urn:)",
                "skal være en https:- eller http:-adresse (eller en urn:)");
        reason("\\w+ \\S+ lies after today \\((\\S+)\\).*", "ligger efter i dag ($1)", "ligger efter i dag ($1)");
        reason(
                "The party register has an organisation with id (\\S+) already; give another partyId\\.",
                "partsregistret har redan en organisation med id $1; ange ett annat id",
                "partsregistret har allerede en organisation med id $1; angiv et andet id");
        // a draft's term and parties (the term's own checks; rule 1)
        reason(
                "a fixed-term agreement needs endsOn \\(or untilFurtherNotice: true\\)",
                "ett tidsbegränsat avtal behöver ett slutdatum (eller välj ”Tills vidare”: Ja)",
                "en tidsbegrænset aftale skal have en slutdato (eller vælg ”Indtil videre”: Ja)");
        reason(
                "an agreement in force until further notice has no endsOn",
                "ett avtal som gäller tills vidare har inget slutdatum",
                "en aftale, der gælder indtil videre, har ingen slutdato");
        reason(
                "endsOn lies before startsOn",
                "slutdatumet ligger före startdatumet",
                "slutdatoen ligger før startdatoen");
        reason(
                "Exactly one party must lead the agreement \\(rule 1\\); (\\d+) are marked as lead\\.",
                "exakt en part ska vara sammankallande; $1 är markerade",
                "præcis én part skal være koordinerende; $1 er markeret");
        reason(
                "Party id '(.*)' is given twice; party ids must be unique \\(rule 1\\)\\.",
                "part-id ”$1” förekommer två gånger; varje part ska ha ett eget id",
                "part-id ”$1” forekommer to gange; hver part skal have sit eget id");
        // the rules' refusals of dates out of order (DATE_OUT_OF_ORDER), which a clerk meets on the agreement's forms
        reason(
                "heldOn (\\S+) lies outside the time the agreement was in force \\(from (\\S+) to (\\S+)\\)\\.",
                "$1 ligger utanför tiden då avtalet gällde ($2–$3)",
                "$1 ligger uden for den tid, aftalen gjaldt ($2–$3)");
        reason(
                "heldOn (\\S+) lies outside the time the agreement was in force \\(from (\\S+)\\)\\.",
                "$1 ligger före den dag avtalet trädde i kraft ($2)",
                "$1 ligger før den dag, aftalen trådte i kraft ($2)");
        reason(
                "heldOn (\\S+) lies before the day the meeting was scheduled \\((\\S+)\\); record a meeting held"
                        + " earlier as held, not as this one's outcome \\(rule 7\\)\\.",
                "$1 ligger före den dag mötet planerades ($2): registrera ett tidigare möte som hållet, inte som det"
                        + " här mötets utfall",
                "$1 ligger før den dag, mødet blev planlagt ($2): registrér et tidligere møde som afholdt, ikke som"
                        + " dette mødes resultat");
        reason(
                "givenOn (\\S+) lies before the agreement entered into force \\((\\S+)\\): notice can only be given"
                        + " under an agreement in force \\(rule 1\\)\\.",
                "$1 ligger före den dag avtalet trädde i kraft ($2): bara ett avtal som gäller kan sägas upp",
                "$1 ligger før den dag, aftalen trådte i kraft ($2): kun en gældende aftale kan opsiges");
        reason(
                "The termination cannot take effect \\((\\S+)\\) before the agreement entered into force"
                        + " \\((\\S+)\\)\\.",
                "avtalet kan inte upphöra ($1) före den dag det trädde i kraft ($2)",
                "aftalen kan ikke ophøre ($1) før den dag, den trådte i kraft ($2)");
        reason(
                "The minutes cannot have been posted \\((\\S+)\\) before the decision was made \\((\\S+)\\)\\.",
                "protokollet kan inte ha anslagits ($1) före beslutet ($2)",
                "protokollen kan ikke være offentliggjort ($1) før beslutningen ($2)");
        reason(
                "The agreement ends on (\\S+); a meeting on (\\S+) would be held after it ended\\.",
                "avtalet upphör $1; ett möte $2 skulle hållas efter det",
                "aftalen ophører $1; et møde $2 ville blive holdt efter det");
        reason(".* has passed.*", "tidpunkten har redan passerat", "tidspunktet er allerede passeret");
        reason(
                "give asOf or validOn, not both",
                "fyll i bara ett av de två: som registrerat vid eller gällande den",
                "udfyld kun ét af de to: som registreret på tidspunktet eller gældende den");
        reason(
                "validOn (.*) lies after today \\((.*)\\): Coop shows what was decided, not what will be",
                "ligger efter i dag ($2): Coop visar vad som har beslutats, inte vad som kommer att gälla",
                "ligger efter i dag ($2): Coop viser, hvad der er besluttet, ikke hvad der vil gælde");
        reason(
                "a party id is 1 to 64 lower-case letters a-z, digits and single hyphens, e.g. hogskolan-i-halmstad",
                "ett part-id är 1–64 små bokstäver a–z, siffror och enstaka bindestreck, t.ex. hogskolan-i-halmstad",
                "et part-id er 1–64 små bogstaver a–z, cifre og enkelte bindestreger, f.eks. hogskolan-i-halmstad");
    }

    private static void reason(String english, String swedish, String danish) {
        TRANSLATED.put(Pattern.compile(english), new String[] {swedish, danish});
    }

    /** The reason (or reasons, joined by "; ") in the page's language, or null when only the English is known. */
    public String translated(String reason) {
        String language = Formats.language();
        if (reason == null || language.equals("en")) {
            return reason;
        }
        String whole = match(reason, language);
        if (whole != null) {
            return whole;
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
        return null;
    }

    private static String match(String reason, String language) {
        for (Map.Entry<Pattern, String[]> entry : TRANSLATED.entrySet()) {
            Matcher matcher = entry.getKey().matcher(reason);
            if (matcher.matches()) {
                return matcher.replaceFirst(entry.getValue()[language.equals("da") ? 1 : 0]);
            }
        }
        return null;
    }
}
