/**
 * Proof that survives Coop: the Merkle tree of a checkpoint over every event stream's head (RFC 6962), the canonical
 * JSON it is signed in (RFC 8785), the signed checkpoint document and its Ed25519 keys. Plain Java, shared by Coop and
 * the offline verifier, so the two cannot disagree.
 */
package se.coop.api.proof;
