package se.coop.command.agreement;

import se.coop.api.AgreementId;

/**
 * The agreements Coop holds, as far as a command on one agreement needs to know of another: whether it is there (a
 * link names an agreement in Coop). Handed to the command handler by Axon, from the application's beans.
 */
public interface AgreementDirectory {

    boolean exists(AgreementId agreementId);
}
