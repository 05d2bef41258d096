package se.coop.app.roles;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import se.coop.app.start.StartRefused;

/**
 * Checks {@code coop.roles} when Coop starts: {@code command}, {@code query}, or both (comma-separated). Anything else
 * stops the start with a message naming the value, rather than a node that quietly does nothing. The beans of each
 * role say so with {@code @CommandNode} (coop-command) or {@code @QueryNode} (coop-query).
 */
@Configuration(proxyBeanMethods = false)
class NodeRolesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NodeRolesConfiguration.class);
    private static final String PROPERTY = "coop.roles";
    private static final List<String> KNOWN = List.of("command", "query");

    NodeRolesConfiguration(@Value("${" + PROPERTY + "}") String roles) {
        List<String> named = Arrays.stream(roles.split(","))
                .map(role -> role.strip().toLowerCase(Locale.ROOT))
                .filter(role -> !role.isEmpty())
                .toList();
        if (named.isEmpty() || !KNOWN.containsAll(named)) {
            throw new StartRefused(
                    PROPERTY + " is '" + roles + "', which is not a role of a Coop node.",
                    "Set it to command, query, or both (command,query, the default).");
        }
        if (named.size() < KNOWN.size()) {
            log.info("This node's role: {} only", named.get(0));
        }
    }
}
