package se.coop.query.readmodel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.register.PartyRegister;

/**
 * Whether a party id names a party Coop knows: one of the party register, or one an agreement names. What is made for
 * a party (a calendar feed, a webhook subscription) is made for such a party only.
 */
@Component
public class KnownParties {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<PartyRegister> register;

    KnownParties(JdbcTemplate jdbc, ObjectProvider<PartyRegister> register) {
        this.jdbc = jdbc;
        this.register = register;
    }

    /** Refuses a party nobody names: 404 PARTY_NOT_FOUND on {@code field}. */
    public void require(String party, String field) {
        PartyRegister parties = register.getIfAvailable();
        boolean exists = (parties != null && parties.get(party).isPresent())
                || Boolean.TRUE.equals(jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM review_agreement WHERE party_ids @> ARRAY[?]::text[])",
                        Boolean.class,
                        party));
        if (!exists) {
            throw new CoopProblem(
                    ErrorCode.PARTY_NOT_FOUND,
                    "There is no party " + party + ": neither the party register nor any agreement names it.",
                    field);
        }
    }
}
