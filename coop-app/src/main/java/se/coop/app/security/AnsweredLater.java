package se.coop.app.security;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A sign-in refused for a user name that does not exist: no password was checked, and the refusal is to be answered
 * as late as a check would have been ({@link #afterNanos}), without holding a thread meanwhile ({@link SlowRefusals}),
 * so that neither the answer nor its time tells the name apart from one that exists (decisions/0009).
 */
final class AnsweredLater extends BadCredentialsException {

    private static final long serialVersionUID = 1L;

    private final transient long afterNanos;

    AnsweredLater(long afterNanos) {
        super("Bad credentials");
        this.afterNanos = afterNanos;
    }

    long afterNanos() {
        return afterNanos;
    }
}
