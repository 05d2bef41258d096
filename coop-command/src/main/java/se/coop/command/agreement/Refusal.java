package se.coop.command.agreement;

import se.coop.api.CommandRefusedException;
import se.coop.api.ErrorCode;

/** How the aggregate and its parts say no (rule 10): a stable code, words a secretariat understands, the field. */
final class Refusal {

    private Refusal() {}

    static CommandRefusedException refused(ErrorCode code, String message) {
        return new CommandRefusedException(code, message);
    }

    static CommandRefusedException refused(ErrorCode code, String message, String field) {
        return new CommandRefusedException(code, message, field);
    }
}
