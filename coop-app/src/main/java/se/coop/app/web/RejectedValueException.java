package se.coop.app.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A JSON value Coop's input rules refuse, with the reason in words; Jackson adds the field's path on the way out. */
public class RejectedValueException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    RejectedValueException(JsonParser parser, Class<?> type, String reason) {
        super(parser, reason, type);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
