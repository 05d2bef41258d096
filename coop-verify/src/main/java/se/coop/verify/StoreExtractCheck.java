package se.coop.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import se.coop.api.EventChain;
import se.coop.api.proof.Checkpoint;
import se.coop.api.proof.MerkleTree;

/**
 * Checks a full store extract (docs/audit.md) alone, one line at a time — an extract of the whole store is never held
 * in memory: the checkpoint's signature by the key given; the streams' leaves, as Coop kept them, against the signed
 * root; and each stream's events, recomputed from their stored bytes, against its leaf — naming every stream deleted
 * whole, cut short or changed, and an extract that was cut short itself.
 */
final class StoreExtractCheck {

    private static final HexFormat HEX = HexFormat.of();
    /** Streams named one by one; beyond, only counted. */
    private static final int NAMED = 50;

    private final PrintStream out;
    /** The checks said and failed so far: the verifier's own. */
    private final Verify verify;

    private final List<byte[]> leaves = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> shorter = new ArrayList<>();
    private final List<String> changed = new ArrayList<>();
    private long missingCount;
    private long shorterCount;
    private long changedCount;
    private long events;

    private String aggregateId;
    private long covered;
    private String recorded;
    private EventChain.Pass chain;
    private long lastSequence;

    StoreExtractCheck(PrintStream out, Verify verify) {
        this.out = out;
        this.verify = verify;
    }

    int verify(Path file, JsonNode keptCheckpoint, PublicKey key) throws IOException {
        Checkpoint checkpoint;
        JsonNode end = null;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = lines.readLine();
            JsonNode header = first == null ? null : Verify.line(first);
            if (header == null
                    || !"coop-store-extract/1".equals(header.path("format").asText())) {
                throw new IOException(
                        file + " is no store extract of Coop (its first line names no coop-store-extract/1)");
            }
            try {
                checkpoint = Verify.checkpoint(keptCheckpoint != null ? keptCheckpoint : header.get("checkpoint"));
            } catch (JsonProcessingException e) {
                out.println("Checkpoint: not the document Coop signs (" + e.getOriginalMessage() + ")");
                out.println("Result: does NOT hold — the checkpoint is not one Coop signed.");
                return 1;
            }
            out.println("Store extract " + header.path("extractId").asText() + ", made "
                    + header.path("extractedAt").asText() + " for "
                    + header.path("extractedBy").asText());
            verify.checkpointHolds(checkpoint, key);
            check(
                    keptCheckpoint == null
                            || checkpoint
                                    .checkpointId()
                                    .equals(header.path("checkpoint")
                                            .path("checkpointId")
                                            .asText()),
                    "the extract is of the checkpoint given",
                    "the extract is of checkpoint "
                            + header.path("checkpoint").path("checkpointId").asText() + ", not of the one given");
            String text;
            while ((text = lines.readLine()) != null) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = Verify.line(text);
                if (line.has("stream")) {
                    finishStream();
                    startStream(line.get("stream"));
                } else if (line.has("event")) {
                    event(line.get("event"));
                } else if (line.has("end")) {
                    end = line.get("end");
                }
            }
            finishStream();
        }
        check(
                end != null
                        && end.path("streams").asLong() == leaves.size()
                        && end.path("events").asLong() == events,
                "the extract is whole (" + leaves.size() + " streams, " + events + " events, as its end line says)",
                end == null
                        ? "the extract is cut short: it has no end line"
                        : "the extract does not hold what its end line says (" + end + ")");
        boolean rootHolds = leaves.size() == checkpoint.streams()
                && HEX.formatHex(MerkleTree.root(leaves)).equals(checkpoint.root());
        check(
                rootHolds,
                "the " + leaves.size() + " streams' leaves give the checkpoint's signed root",
                "the streams' leaves (" + leaves.size() + " of " + checkpoint.streams()
                        + ") do not give the checkpoint's signed root: the list of streams Coop kept was changed");
        report(missingCount, missing, "deleted whole (no event left)");
        report(shorterCount, shorter, "cut short");
        report(changedCount, changed, "changed");
        if (verify.failed().isEmpty()) {
            out.println("Result: every stream this checkpoint covered is in the store as it was then.");
            return 0;
        }
        out.println("Result: does NOT hold — " + String.join("; ", verify.failed()) + ".");
        return 1;
    }

    private void startStream(JsonNode stream) {
        aggregateId = stream.path("aggregateId").asText();
        covered = stream.path("sequence").asLong();
        recorded = stream.path("chainHash").asText();
        chain = new EventChain.Pass(aggregateId);
        lastSequence = -1;
        try {
            leaves.add(MerkleTree.leaf(aggregateId, covered, HEX.parseHex(recorded)));
        } catch (IllegalArgumentException e) {
            leaves.add(new byte[32]);
        }
    }

    private void event(JsonNode event) {
        events++;
        if (chain == null || !aggregateId.equals(event.path("aggregateId").asText())) {
            return;
        }
        long sequence = event.path("sequence").asLong();
        lastSequence = sequence;
        chain.next(
                sequence,
                text(event, "payloadType"),
                text(event, "revision"),
                text(event, "recordedAt"),
                bytes(event, "payloadBytes"),
                bytes(event, "metadataBytes"));
    }

    private void finishStream() {
        if (aggregateId == null) {
            return;
        }
        if (chain.events() == 0) {
            missingCount++;
            add(missing, aggregateId + " (covered to event " + covered + ")");
        } else if (chain.intact() && lastSequence < covered) {
            shorterCount++;
            add(shorter, aggregateId + " (ends at event " + lastSequence + ", covered to " + covered + ")");
        } else if (!chain.intact() || !chain.head().equals(recorded)) {
            changedCount++;
            add(
                    changed,
                    aggregateId
                            + (chain.intact()
                                    ? " (its head is not the hash recorded)"
                                    : " (its chain breaks at event " + chain.brokenAt() + ")"));
        }
        aggregateId = null;
    }

    private void report(long count, List<String> streams, String what) {
        if (count == 0) {
            return;
        }
        String named = String.join(", ", streams)
                + (count > streams.size() ? " and " + (count - streams.size()) + " more" : "");
        check(false, "", count + " stream(s) " + what + ": " + named);
    }

    private static void add(List<String> list, String entry) {
        if (list.size() < NAMED) {
            list.add(entry);
        }
    }

    private void check(boolean holds, String whenHolds, String whenNot) {
        verify.check(holds, whenHolds, whenNot);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] bytes(JsonNode event, String field) {
        String base64 = text(event, field);
        return base64 == null ? null : Base64.getDecoder().decode(base64);
    }
}
