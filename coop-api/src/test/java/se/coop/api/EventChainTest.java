package se.coop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical form writer and verifier share. */
class EventChainTest {

    private static final byte[] PAYLOAD = "{\"agreementId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void metadataIsWrittenWithSortedKeysEscapedAndWithoutWhiteSpace() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("role", "SECRETARIAT");
        metadata.put("actor", "kansli \"Halmstad\"\n");
        metadata.put(EventChain.HASH_KEY, "to be dropped");
        assertThat(new String(EventChain.metadataWithoutHash(metadata), StandardCharsets.UTF_8))
                .isEqualTo("{\"actor\":\"kansli \\\"Halmstad\\\"\\u000a\",\"role\":\"SECRETARIAT\"}");
        assertThat(new String(EventChain.metadataWithHash(Map.of("b", "2", "a", "1"), "h"), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":\"1\",\"b\":\"2\",\"chainHash\":\"h\"}");
    }

    @Test
    void eachFieldChangesTheHashAndLengthPrefixesKeepFieldsApart() {
        byte[] meta = EventChain.metadataWithoutHash(Map.of("actor", "a"));
        String base = EventChain.link(EventChain.GENESIS, "agr", 0, "T", "1", "2026-01-01T00:00:00Z", PAYLOAD, meta);
        assertThat(base)
                .hasSize(64)
                .isEqualTo(
                        EventChain.link(EventChain.GENESIS, "agr", 0, "T", "1", "2026-01-01T00:00:00Z", PAYLOAD, meta));
        assertThat(EventChain.link(EventChain.GENESIS, "agr", 1, "T", "1", "2026-01-01T00:00:00Z", PAYLOAD, meta))
                .isNotEqualTo(base);
        assertThat(EventChain.link(EventChain.GENESIS, "agr", 0, "T", null, "2026-01-01T00:00:00Z", PAYLOAD, meta))
                .isNotEqualTo(base);
        assertThat(EventChain.link(EventChain.GENESIS, "ag", 0, "rT", "1", "2026-01-01T00:00:00Z", PAYLOAD, meta))
                .as("moving a character from one field to the next changes the hash")
                .isNotEqualTo(
                        EventChain.link(EventChain.GENESIS, "agr", 0, "T", "1", "2026-01-01T00:00:00Z", PAYLOAD, meta));
        assertThat(EventChain.link("1".repeat(64), "agr", 0, "T", "1", "2026-01-01T00:00:00Z", PAYLOAD, meta))
                .isNotEqualTo(base);
    }

    @Test
    void aPassHoldsOverAChainAsWrittenAndBreaksWhereItWasAltered() {
        String previous = EventChain.GENESIS;
        byte[][] stored = new byte[3][];
        for (int n = 0; n < 3; n++) {
            Map<String, Object> metadata = Map.of("actor", "kansli \"Båstad\"\n" + n);
            String hash = EventChain.link(
                    previous,
                    "agr",
                    n,
                    "T",
                    "1",
                    "2026-01-01T00:00:0" + n + "Z",
                    PAYLOAD,
                    EventChain.metadataWithoutHash(metadata));
            stored[n] = EventChain.metadataWithHash(metadata, hash);
            previous = hash;
        }
        EventChain.Pass intact = pass(stored);
        assertThat(intact.intact()).isTrue();
        assertThat(intact.head()).isEqualTo(previous);
        assertThat(intact.events()).isEqualTo(3);
        assertThat(EventChain.readMetadata(stored[1]).orElseThrow()).containsEntry("actor", "kansli \"Båstad\"\n1");

        byte[] spaced = new String(stored[1], StandardCharsets.UTF_8)
                .replace("\":\"", "\": \"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(EventChain.readMetadata(spaced)).isEmpty();
        stored[1] = spaced;
        assertThat(pass(stored).brokenAt()).isEqualTo(1);
        assertThat(EventChain.readMetadata("{}x".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(EventChain.readMetadata("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    private static EventChain.Pass pass(byte[][] stored) {
        EventChain.Pass pass = new EventChain.Pass("agr");
        for (int n = 0; n < stored.length; n++) {
            pass.next(n, "T", "1", "2026-01-01T00:00:0" + n + "Z", PAYLOAD, stored[n]);
        }
        return pass;
    }
}
