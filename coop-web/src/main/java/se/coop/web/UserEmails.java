package se.coop.web;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/** A signed-in user's e-mail address: a configured user's {@code email}, or the OIDC {@code email} claim. */
public interface UserEmails {

    Optional<String> of(Authentication user);
}
