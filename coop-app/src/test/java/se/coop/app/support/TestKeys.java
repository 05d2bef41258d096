package se.coop.app.support;

import se.coop.api.proof.SigningKeys;

/** The key the tests' Coops sign checkpoints with, configured as an installation configures its own (every node alike). */
public final class TestKeys {

    public static final String SIGNING_KEY =
            SigningKeys.privatePem(SigningKeys.generate().getPrivate());

    private TestKeys() {}
}
