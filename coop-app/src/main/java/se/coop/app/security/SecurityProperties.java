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
        signIns = signIns == null
                ? new SignIns(null, null, null, null, null, null, null, null, null, null, null)
                : signIns;
    }

    /**
     * Failed password checks allowed (decisions/0009): {@code per-address} at once from one client network, then one
     * more every {@code per-address-every}; {@code per-user} for one user name from one network, then one every
     * {@code per-user-every}; {@code per-user-total} for one name from all networks where it has not signed in within
     * {@code trust}, then one every {@code per-user-total-every}. Checks run on {@code check-threads} threads, with at
     * most {@code check-queue} waiting (and one more thread for users signing in where they signed in before); a
     * refused sign-in is answered after {@code refusal-pause}; a successful check is remembered for {@code remember}.
     */
    public record SignIns(
            Integer perAddress,
            Duration perAddressEvery,
            Integer perUser,
            Duration perUserEvery,
            Integer perUserTotal,
            Duration perUserTotalEvery,
            Duration trust,
            Integer checkThreads,
            Integer checkQueue,
            Duration refusalPause,
            Duration remember) {

        public SignIns {
            perAddress = perAddress == null ? 20 : perAddress;
            perAddressEvery = perAddressEvery == null ? Duration.ofSeconds(3) : perAddressEvery;
            perUser = perUser == null ? 10 : perUser;
            perUserEvery = perUserEvery == null ? Duration.ofSeconds(6) : perUserEvery;
            perUserTotal = perUserTotal == null ? 100 : perUserTotal;
            perUserTotalEvery = perUserTotalEvery == null ? Duration.ofSeconds(36) : perUserTotalEvery;
            trust = trust == null ? Duration.ofDays(30) : trust;
            remember = remember == null ? Duration.ofMinutes(5) : remember;
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
