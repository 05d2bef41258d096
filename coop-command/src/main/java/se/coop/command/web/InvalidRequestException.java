package se.coop.command.web;

import java.util.List;

/** Bad input found after the body was read: answered with 400 and its violations, and nothing is written. */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidRequestException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public InvalidRequestException(List<Violation> violations) {
        super(violations.get(0).field() + ": " + violations.get(0).message(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
