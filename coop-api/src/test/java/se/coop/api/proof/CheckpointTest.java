package se.coop.api.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import org.junit.jupiter.api.Test;

/** A checkpoint signed with Ed25519 over its canonical JSON: checked by its public key, and by nothing else. */
class CheckpointTest {

    private final KeyPair key = SigningKeys.generate();

    private Checkpoint signed() {
        return Checkpoint.unsigned(
                        "0b6f6c4e-0000-4000-8000-000000000001",
                        "2026-12-01T23:00:00Z",
                        4711,
                        3,
                        42,
                        MerkleTree.sha256(new byte[] {1}),
                        SigningKeys.id(key.getPublic()))
                .signedWith(key.getPrivate());
    }

    @Test
    void itIsSignedOverTheCanonicalJsonOfEveryFieldButTheSignature() {
        Checkpoint checkpoint = signed();

        assertThat(new String(checkpoint.signedBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"checkpointId\":\"0b6f6c4e-0000-4000-8000-000000000001\",\"events\":42,"
                        + "\"format\":\"coop-checkpoint/1\",\"highWaterMark\":4711,\"keyId\":\""
                        + checkpoint.keyId() + "\",\"root\":\"" + checkpoint.root() + "\",\"streams\":3,"
                        + "\"takenAt\":\"2026-12-01T23:00:00Z\"}");
        assertThat(checkpoint.signatureHolds(key.getPublic())).isTrue();
    }

    @Test
    void anyFieldChangedOrAnotherKeyFailsTheSignature() {
        Checkpoint checkpoint = signed();
        Checkpoint moreEvents = new Checkpoint(
                checkpoint.format(),
                checkpoint.checkpointId(),
                checkpoint.takenAt(),
                checkpoint.highWaterMark(),
                checkpoint.streams(),
                checkpoint.events() + 1,
                checkpoint.root(),
                checkpoint.keyId(),
                checkpoint.signature());

        assertThat(moreEvents.signatureHolds(key.getPublic())).isFalse();
        assertThat(checkpoint.signatureHolds(SigningKeys.generate().getPublic()))
                .isFalse();
        assertThat(new Checkpoint(
                                checkpoint.format(),
                                checkpoint.checkpointId(),
                                checkpoint.takenAt(),
                                checkpoint.highWaterMark(),
                                checkpoint.streams(),
                                checkpoint.events(),
                                checkpoint.root(),
                                checkpoint.keyId(),
                                "not base64!")
                        .signatureHolds(key.getPublic()))
                .isFalse();
    }

    @Test
    void aPrivateKeyReadFromPemSignsAsItsDerivedPublicKeyChecks() throws Exception {
        String pem = SigningKeys.privatePem(key.getPrivate());
        KeyPair read = SigningKeys.of(SigningKeys.readPrivate(pem));

        assertThat(read.getPublic().getEncoded()).isEqualTo(key.getPublic().getEncoded());
        assertThat(SigningKeys.id(read.getPublic()))
                .isEqualTo(SigningKeys.id(key.getPublic()))
                .startsWith("ed25519:");
        assertThat(SigningKeys.readPublic(SigningKeys.publicPem(key.getPublic()))
                        .getEncoded())
                .isEqualTo(key.getPublic().getEncoded());
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(read.getPrivate());
        ed25519.update(new byte[] {1, 2, 3});
        byte[] signature = ed25519.sign();
        ed25519.initVerify(key.getPublic());
        ed25519.update(new byte[] {1, 2, 3});
        assertThat(ed25519.verify(signature)).isTrue();
    }

    @Test
    void whatIsNoEd25519KeyInPemIsRefusedWithTheReason() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SigningKeys.readPrivate("no key here"))
                .withMessageContaining("PRIVATE KEY");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> SigningKeys.readPrivate("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
                .withMessageContaining("not an Ed25519 private key");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SigningKeys.readPublic("-----BEGIN PUBLIC KEY-----\n%%%\n-----END PUBLIC KEY-----\n"))
                .withMessageContaining("not base64");
    }
}
