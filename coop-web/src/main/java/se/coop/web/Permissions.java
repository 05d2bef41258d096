package se.coop.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * What the signed-in user may do, asked of the HTTP API's own authorization rules: a page offers a button only when
 * its reader may send the request behind it, and a form is refused exactly when the API would refuse it. The role
 * table therefore lives in one place, the API's security configuration.
 */
@Component("permissions")
public class Permissions {

    private final ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator;

    Permissions(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator) {
        this.evaluator = evaluator;
    }

    /** Whether the signed-in user may send {@code method} to {@code apiPath} (a path of the HTTP API). */
    public boolean may(String method, String apiPath) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && user.isAuthenticated() && evaluator.getObject().isAllowed("", apiPath, method, user);
    }

    public boolean mayRead(String apiPath) {
        return may("GET", apiPath);
    }

    public boolean mayPost(String apiPath) {
        return may("POST", apiPath);
    }

    /** The parties the signed-in user belongs to (none for a user of no party, as a joint secretariat may be). */
    public java.util.List<String> parties() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null
                ? java.util.List.of()
                : se.coop.api.Origin.partiesOf(user.getAuthorities().stream()
                        .map(org.springframework.security.core.GrantedAuthority::getAuthority)
                        .toList());
    }

    /** The {@code owing} filter of "to do for my parties": the user's parties, or null when not asked or none. */
    public String owingFilter(boolean mine) {
        java.util.List<String> parties = parties();
        return mine && !parties.isEmpty() ? String.join(",", parties) : null;
    }

    public void require(String method, String apiPath) {
        if (!may(method, apiPath)) {
            throw new AccessDeniedException("Your role does not allow " + method + " " + apiPath);
        }
    }
}
