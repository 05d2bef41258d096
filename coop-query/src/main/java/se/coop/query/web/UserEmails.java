package se.coop.query.web;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * A signed-in user's e-mail address: a configured user's {@code email}, or the OIDC {@code email} claim (the calendar
 * page lists their meetings by it; a webhook subscription they make tells them by it when it is suspended).
 */
public interface UserEmails {

    Optional<String> of(Authentication user);
}
