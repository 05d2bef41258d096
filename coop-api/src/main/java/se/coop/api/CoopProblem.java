package se.coop.api;

import java.util.Objects;

/**
 * A request Coop answers with a problem rather than a result: a refused command, an unknown agreement, a bad query.
 * The stable {@link ErrorCode} says which; {@code field} names the request field at fault, where there is one.
 */
public class CoopProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final String field;

    public CoopProblem(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    public CoopProblem(ErrorCode errorCode, String message, String field) {
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
