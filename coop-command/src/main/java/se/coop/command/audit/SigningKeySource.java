package se.coop.command.audit;

import java.util.Optional;
import se.coop.api.proof.SigningKey;

/**
 * Where the key that signs checkpoints comes from: configured, or on the zero-setup default generated once and kept in
 * the database (coop-app's {@code SigningKeyConfiguration}); none on a server database without a configured key.
 */
public interface SigningKeySource {

    Optional<SigningKey> current();
}
