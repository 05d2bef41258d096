package se.coop.query.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import se.coop.api.AgreementId;
import se.coop.api.BusinessTime;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;

/** The checks every read of an agreement makes of its parameters, in one place. */
public final class ReadParameters {

    private ReadParameters() {}

    /** The agreement named in a path; an id that cannot be one is an agreement that is not there (404). */
    public static AgreementId agreementId(String value) {
        try {
            return AgreementId.of(value);
        } catch (IllegalArgumentException e) {
            throw new CoopProblem(ErrorCode.AGREEMENT_NOT_FOUND, notFound(value));
        }
    }

    public static String notFound(String agreementId) {
        return "There is no agreement " + agreementId + ".";
    }

    /** The languages of the history in words: sv (the default), da or en. */
    public static String lang(String lang) {
        if (!lang.equals("sv") && !lang.equals("da") && !lang.equals("en")) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "lang must be sv, da or en", "lang");
        }
        return lang;
    }

    /** A read of the past: asOf or validOn, not both, and validOn not after today (Coop shows what was decided). */
    public static void past(OffsetDateTime asOf, LocalDate validOn, Clock clock) {
        if (asOf != null && validOn != null) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "give asOf or validOn, not both", "validOn");
        }
        LocalDate today = BusinessTime.today(clock);
        if (validOn != null && validOn.isAfter(today)) {
            throw new CoopProblem(
                    ErrorCode.VALIDATION_FAILED,
                    "validOn " + validOn + " lies after today (" + today + "): Coop shows what was decided, not what"
                            + " will be",
                    "validOn");
        }
    }

    /**
     * The party ids of an {@code owing} filter (separated by commas), or none when blank; 400 naming it for what is no
     * party id.
     */
    public static java.util.List<String> parties(String owing) {
        if (owing == null || owing.isBlank()) {
            return null;
        }
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (String id : owing.split(",", -1)) {
            if (!se.coop.api.PartyId.isId(id.strip())) {
                throw new CoopProblem(
                        ErrorCode.VALIDATION_FAILED, "owing must be party ids separated by commas", "owing");
            }
            ids.add(id.strip());
        }
        return ids;
    }

    /** A filter's value, stripped; none when blank. */
    public static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
