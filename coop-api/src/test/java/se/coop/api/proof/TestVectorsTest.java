package se.coop.api.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.coop.api.EventChain;

/**
 * Issue 28, finding 9: the proof format could not be implemented from the docs. docs/audit.md ("The exact bytes") now
 * gives every byte, and docs/test-vectors/vectors.json the values a stranger's implementation must reproduce (its
 * check.py is one, written from the docs alone). Coop's own code is held to the same vectors here: a change to the
 * chain, the leaf, the tree, the key id or the signed text breaks this test before it breaks every stored proof.
 */
class TestVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private final JsonNode vectors;

    TestVectorsTest() throws IOException {
        vectors = new ObjectMapper().readTree(Files.readString(Path.of("../docs/test-vectors/vectors.json")));
    }

    @Test
    void everyChainHashIsTheOneCoopComputes() {
        Map<String, String> heads = new HashMap<>();
        for (JsonNode event : vectors.get("events")) {
            String id = event.get("aggregateId").asText();
            String previous = heads.getOrDefault(id, EventChain.GENESIS);
            assertThat(previous).isEqualTo(event.get("previousHash").asText());
            Map<String, String> metadata = EventChain.readMetadata(
                            event.get("metadataStored").asText().getBytes(StandardCharsets.UTF_8))
                    .orElseThrow();
            byte[] without = EventChain.metadataWithoutHash(metadata);
            assertThat(new String(without, StandardCharsets.UTF_8))
                    .isEqualTo(event.get("metadataWithoutHash").asText());
            String hash = EventChain.link(
                    previous,
                    id,
                    event.get("sequence").asLong(),
                    event.get("payloadType").asText(),
                    event.get("revision").asText(),
                    event.get("timestamp").asText(),
                    Base64.getDecoder().decode(event.get("payloadBase64").asText()),
                    without);
            assertThat(hash)
                    .as(id + "/" + event.get("sequence"))
                    .isEqualTo(event.get("chainHash").asText());
            assertThat(metadata.get(EventChain.HASH_KEY)).isEqualTo(hash);
            heads.put(id, hash);
        }
    }

    @Test
    void theLeavesTheRootTheKeyIdTheSignedTextAndTheSignature() {
        List<byte[]> leaves = new ArrayList<>();
        for (JsonNode leaf : vectors.get("leaves")) {
            byte[] hash = MerkleTree.leaf(
                    leaf.get("aggregateId").asText(),
                    leaf.get("sequence").asLong(),
                    HEX.parseHex(leaf.get("chainHash").asText()));
            assertThat(HEX.formatHex(hash)).isEqualTo(leaf.get("leafHash").asText());
            leaves.add(hash);
        }
        assertThat(HEX.formatHex(MerkleTree.root(leaves)))
                .isEqualTo(vectors.get("root").asText());

        JsonNode key = vectors.get("key");
        PublicKey publicKey = SigningKeys.readPublic(key.get("publicKeyPem").asText());
        assertThat(HEX.formatHex(publicKey.getEncoded()))
                .isEqualTo(key.get("subjectPublicKeyInfoHex").asText());
        assertThat(SigningKeys.id(publicKey)).isEqualTo(key.get("keyId").asText());

        JsonNode stored = vectors.get("checkpoint");
        Checkpoint checkpoint = new Checkpoint(
                stored.get("format").asText(),
                stored.get("checkpointId").asText(),
                stored.get("takenAt").asText(),
                stored.get("highWaterMark").asLong(),
                stored.get("streams").asLong(),
                stored.get("events").asLong(),
                stored.get("root").asText(),
                stored.get("keyId").asText(),
                stored.get("signature").asText());
        assertThat(new String(checkpoint.signedBytes(), StandardCharsets.UTF_8))
                .isEqualTo(vectors.get("signedText").asText());
        assertThat(checkpoint.signatureHolds(publicKey)).isTrue();
        // Ed25519 is deterministic: the test key signs the same text into the same signature
        PrivateKey privateKey = SigningKeys.readPrivate(
                key.get("privateKeyPemForTheseVectorsOnly").asText());
        assertThat(checkpoint.signedWith(privateKey).signature()).isEqualTo(checkpoint.signature());
    }
}
