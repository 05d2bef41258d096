package se.coop.api;

/**
 * A command refused by a rule of the agreement (rule 10): nothing was changed, and the message says why in words a
 * secretariat understands. {@code field} names the request field at fault, where there is one.
 */
public class CommandRefusedException extends CoopProblem {

    private static final long serialVersionUID = 1L;

    public CommandRefusedException(ErrorCode errorCode, String message) {
        super(errorCode, message);
    }

    public CommandRefusedException(ErrorCode errorCode, String message, String field) {
        super(errorCode, message, field);
    }
}
