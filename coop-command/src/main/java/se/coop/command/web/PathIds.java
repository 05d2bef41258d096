package se.coop.command.web;

import java.util.function.Function;
import se.coop.api.AgreementId;
import se.coop.api.CommandRefusedException;
import se.coop.api.DecisionId;
import se.coop.api.ErrorCode;
import se.coop.api.PartyId;
import se.coop.api.ReviewId;

/** Ids named in a path: one that cannot even be parsed names nothing, so it is answered as not found. */
final class PathIds {

    private PathIds() {}

    static AgreementId agreement(String value) {
        return parse(value, AgreementId::of, ErrorCode.AGREEMENT_NOT_FOUND, "agreement");
    }

    static DecisionId decision(String value) {
        return parse(value, DecisionId::of, ErrorCode.DECISION_NOT_FOUND, "board decision");
    }

    static ReviewId review(String value) {
        return parse(value, ReviewId::of, ErrorCode.REVIEW_NOT_FOUND, "meeting");
    }

    /**
     * A party named in a path: in the one form clients give party ids in, or in the wider form earlier versions of Coop
     * also stored (so those parties can still be named); anything no version could have stored is bad input.
     */
    static PartyId party(String value) {
        try {
            return PartyId.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("partyId", PartyId.STRICT_FORM);
        }
    }

    private static <T> T parse(String value, Function<String, T> parser, ErrorCode notFound, String what) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new CommandRefusedException(notFound, "There is no " + what + " '" + value + "'.");
        }
    }
}
