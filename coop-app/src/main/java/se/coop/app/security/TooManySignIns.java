package se.coop.app.security;

import org.springframework.security.core.AuthenticationException;

/** A password check refused before it ran: too many failed ones lately, or too many waiting. Answered 429. */
class TooManySignIns extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    TooManySignIns(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
