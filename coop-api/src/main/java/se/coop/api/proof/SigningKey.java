package se.coop.api.proof;

import java.security.PrivateKey;
import java.security.PublicKey;

/** The key an installation signs its checkpoints with: its id ({@link SigningKeys#id}) and both halves. */
public record SigningKey(String id, PrivateKey privateKey, PublicKey publicKey) {}
