package se.coop.app.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coop.security.users}: users with bcrypt password hashes and their roles; {@code coop.security.roles-claim}:
 * the JWT claim that lists a token's roles; {@code coop.security.sign-ins}: how many password checks may fail.
 */
@ConfigurationProperties("coop.security")
public record SecurityProperties(List<User> users, String rolesClaim, String partiesClaim, SignIns signIns) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        partiesClaim = partiesClaim == null || partiesClaim.isBlank() ? "coop_parties" : partiesClaim;
        signIns = signIns == null ? new SignIns(null, null, null, null, null, null, null) : signIns;
    }

    /**
     * Failed password checks allowed: {@code per-address} at once from one client address, then one more every
     * {@code per-address-every}; the same per user name; checks run on {@code check-threads} threads, with at most
     * {@code check-queue} waiting; a refused sign-in is answered after {@code refusal-pause}.
     */
    public record SignIns(
            Integer perAddress,
            Duration perAddressEvery,
            Integer perUser,
            Duration perUserEvery,
            Integer checkThreads,
            Integer checkQueue,
            Duration refusalPause) {

        public SignIns {
            perAddress = perAddress == null ? 20 : perAddress;
            perAddressEvery = perAddressEvery == null ? Duration.ofSeconds(3) : perAddressEvery;
            perUser = perUser == null ? 10 : perUser;
            perUserEvery = perUserEvery == null ? Duration.ofSeconds(6) : perUserEvery;
            checkThreads = checkThreads == null ? 1 : checkThreads;
            checkQueue = checkQueue == null ? 16 : checkQueue;
            refusalPause = refusalPause == null ? Duration.ofSeconds(1) : refusalPause;
        }
    }

    /**
     * A configured user; {@code password} is a bcrypt hash, with or without the {@code {bcrypt}} prefix; {@code email}
     * (optional) puts the user's own meetings first in the calendar page; {@code parties} (optional) the ids of the
     * parties the user works for — a joint secretariat may belong to none and still record for every party.
     */
    public record User(String name, String password, List<String> roles, String email, List<String> parties) {

        public User {
            parties = parties == null ? List.of() : List.copyOf(parties);
        }
    }
}
