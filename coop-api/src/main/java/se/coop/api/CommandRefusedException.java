package se.coop.api;

import java.util.Objects;

/**
 * A command refused by a rule of the agreement (rule 10): nothing was changed, and the message says why in words a
 * secretariat understands. {@code field} names the request field at fault, where there is one.
 */
public class CommandRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final String field;

    public CommandRefusedException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    public CommandRefusedException(ErrorCode errorCode, String message, String field) {
        super(message, null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode);
        this.field = field;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public String field() {
        return field;
    }
}
