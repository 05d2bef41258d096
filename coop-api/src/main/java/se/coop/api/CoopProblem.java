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
    private final long retryAfterSeconds;

    public CoopProblem(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    public CoopProblem(ErrorCode errorCode, String message, String field) {
        this(errorCode, message, field, 0);
    }

    /** A refusal for now: to be asked again after {@code retryAfterSeconds} (the answer's {@code Retry-After}). */
    public CoopProblem(ErrorCode errorCode, String message, String field, long retryAfterSeconds) {
        super(message, null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode);
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When to ask again, in seconds; 0 when the answer will not change by waiting. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public String field() {
        return field;
    }
}
