package se.coop.app.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coop.security.users}: users with bcrypt password hashes and their roles; {@code coop.security.roles-claim}:
 * the JWT claim that lists a token's roles.
 */
@ConfigurationProperties("coop.security")
public record SecurityProperties(List<User> users, String rolesClaim) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    }

    /** A configured user; {@code password} is a bcrypt hash, with or without the {@code {bcrypt}} prefix. */
    public record User(String name, String password, List<String> roles) {}
}
