package se.coop.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import se.coop.api.EventChain;
import se.coop.api.proof.Checkpoint;
import se.coop.api.proof.MerkleTree;
import se.coop.api.proof.SigningKeys;

/**
 * Checks, without Coop and without a database, that an agreement's events are those a signed checkpoint covered:
 * the checkpoint's signature by the public key given; the proof is of this agreement in this checkpoint; the events'
 * hash chain recomputed from their stored bytes leads, at the proof's sequence, to the hash the checkpoint recorded;
 * and the leaf with its audit path leads to the signed root. Events after that sequence are reported as not covered.
 * Says in plain words what holds and what does not; exits 0 only when everything covered holds (1 when something
 * does not, 2 when the files cannot be read).
 *
 * <pre>
 * java -jar coop-verify.jar --key FILE (--dossier FILE | --package ZIP) [--checkpoint FILE] [--proof FILE]
 * </pre>
 *
 * A dossier (JSON) and an archive package carry the latest checkpoint that covers the agreement and its proof; a
 * checkpoint and proof given on the command line (the ones an auditor kept) take their place.
 */
public final class Verify {

    private static final HexFormat HEX = HexFormat.of();
    /** Reads dossiers and packages as Coop writes them, with fields this version does not know. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Reads a checkpoint strictly: every field as Coop signs it and nothing else, numbers as whole numbers, no field
     * twice — a document that is not the one signed is refused, not read into one that is.
     */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private final PrintStream out;
    private final List<String> failed = new ArrayList<>();

    private Verify(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the verifier; returns its exit code. */
    public static int run(String[] args, PrintStream out) {
        Map<String, Path> files;
        try {
            files = arguments(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println("usage: java -jar coop-verify.jar --key FILE (--dossier FILE | --package ZIP)"
                    + " [--checkpoint FILE] [--proof FILE]");
            return 2;
        }
        try {
            return new Verify(out).verify(files);
        } catch (IOException | RuntimeException e) {
            out.println("Cannot verify: " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, Path> arguments(String[] args) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!List.of("--key", "--dossier", "--package", "--checkpoint", "--proof")
                    .contains(name)) {
                throw new IllegalArgumentException("unknown argument: " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a file");
            }
            files.put(name.substring(2), Path.of(args[++i]));
        }
        if (!files.containsKey("key")) {
            throw new IllegalArgumentException("--key is needed: the public key (PEM) the checkpoint is checked by");
        }
        if (files.containsKey("dossier") == files.containsKey("package")) {
            throw new IllegalArgumentException("give one of --dossier and --package");
        }
        return files;
    }

    /** What the dossier or package holds: the agreement, its stored events, and the checkpoint and proof, if any. */
    private record Record(String agreementId, List<JsonNode> events, JsonNode checkpoint, JsonNode proof) {}

    private int verify(Map<String, Path> files) throws IOException {
        Record record =
                files.containsKey("dossier") ? dossier(files.get("dossier")) : archivePackage(files.get("package"));
        JsonNode checkpointJson = files.containsKey("checkpoint") ? read(files.get("checkpoint")) : record.checkpoint();
        JsonNode proof = files.containsKey("proof") ? read(files.get("proof")) : record.proof();
        if (checkpointJson == null || checkpointJson.isNull() || proof == null || proof.isNull()) {
            throw new IOException("no checkpoint or no proof: give --checkpoint and --proof, or a dossier or package"
                    + " made after a checkpoint that covers the agreement");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = STRICT.treeToValue(checkpointJson, Checkpoint.class);
        } catch (JsonProcessingException e) {
            out.println("Checkpoint: not the document Coop signs (" + e.getOriginalMessage() + ")");
            out.println("Result: does NOT hold — the checkpoint is not one Coop signed.");
            return 1;
        }
        PublicKey key = SigningKeys.readPublic(Files.readString(files.get("key"), StandardCharsets.US_ASCII));

        out.println("Checkpoint " + checkpoint.checkpointId() + ", taken " + checkpoint.takenAt() + ": "
                + checkpoint.streams() + " streams, " + checkpoint.events() + " events, root " + checkpoint.root());
        String keyId = SigningKeys.id(key);
        check(
                keyId.equals(checkpoint.keyId()),
                "the key given (" + keyId + ") is the one the checkpoint names",
                "the key given is " + keyId + ", but the checkpoint was signed by " + checkpoint.keyId());
        check(
                checkpoint.signatureHolds(key),
                "its signature holds",
                "its signature does not hold: the checkpoint was changed after it was signed, or not signed by this key");

        out.println("Agreement " + record.agreementId() + ": " + record.events().size() + " events");
        long sequence = proof.path("sequence").asLong(-1);
        long leafIndex = proof.path("leafIndex").asLong(-1);
        long treeSize = proof.path("treeSize").asLong(-1);
        check(
                record.agreementId().equals(proof.path("aggregateId").asText()),
                "the proof is of this agreement",
                "the proof is of " + proof.path("aggregateId").asText() + ", not of this agreement");
        check(
                checkpoint.checkpointId().equals(proof.path("checkpointId").asText())
                        && checkpoint.root().equals(proof.path("root").asText())
                        && treeSize == checkpoint.streams(),
                "the proof is of this checkpoint (leaf " + leafIndex + " of " + treeSize + ")",
                "the proof is not of this checkpoint (another checkpoint, root or number of streams)");

        List<JsonNode> events = new ArrayList<>(record.events());
        events.sort(Comparator.comparingLong(event -> event.path("sequence").asLong()));
        EventChain.Pass covered = new EventChain.Pass(record.agreementId());
        EventChain.Pass all = new EventChain.Pass(record.agreementId());
        long later = 0;
        for (JsonNode event : events) {
            long n = event.path("sequence").asLong();
            byte[] payload = bytes(event, "payloadBytes");
            byte[] metadata = bytes(event, "metadataBytes");
            String type = text(event, "payloadType");
            String revision = text(event, "revision");
            String recordedAt = text(event, "recordedAt");
            if (n <= sequence) {
                covered.next(n, type, revision, recordedAt, payload, metadata);
            } else {
                later++;
            }
            all.next(n, type, revision, recordedAt, payload, metadata);
        }
        boolean chainHolds = covered.intact() && covered.events() == sequence + 1;
        check(
                chainHolds,
                "events 0–" + sequence + ": the hash chain recomputed from their stored bytes holds",
                covered.intact()
                        ? "events 0–" + sequence + " are not all there: " + covered.events() + " of " + (sequence + 1)
                        : "events 0–" + sequence + ": the hash chain breaks at event " + covered.brokenAt()
                                + " (changed, inserted, removed or reordered)");
        check(
                chainHolds && covered.head().equals(proof.path("chainHash").asText()),
                "event " + sequence + "'s hash is the one the checkpoint recorded",
                "event " + sequence + "'s hash is not the one the checkpoint recorded");
        byte[] leaf = MerkleTree.leaf(record.agreementId(), sequence, HEX.parseHex(covered.head()));
        List<byte[]> path = new ArrayList<>();
        boolean readable = true;
        try {
            proof.path("path").forEach(sibling -> path.add(HEX.parseHex(sibling.asText())));
            HEX.parseHex(checkpoint.root());
        } catch (IllegalArgumentException e) {
            readable = false;
        }
        check(
                readable && MerkleTree.verify(leaf, leafIndex, treeSize, path, HEX.parseHex(checkpoint.root())),
                "the agreement's leaf and its audit path lead to the checkpoint's signed root",
                "the agreement's leaf and its audit path do not lead to the checkpoint's signed root");
        if (later > 0) {
            out.println("  " + later + " later event(s), " + (sequence + 1) + " on: not covered by this checkpoint"
                    + (all.intact()
                            ? " (their chain holds)"
                            : " (their chain breaks at event " + all.brokenAt() + ")"));
        }
        if (failed.isEmpty()) {
            out.println("Result: everything this checkpoint covers holds.");
            return 0;
        }
        out.println("Result: does NOT hold — " + String.join("; ", failed) + ".");
        return 1;
    }

    private void check(boolean holds, String whenHolds, String whenNot) {
        out.println("  " + (holds ? "holds:    " : "FAILS:    ") + (holds ? whenHolds : whenNot));
        if (!holds) {
            failed.add(whenNot);
        }
    }

    private static Record dossier(Path file) throws IOException {
        JsonNode dossier = read(file);
        List<JsonNode> events = new ArrayList<>();
        dossier.path("events").forEach(events::add);
        return new Record(text(dossier, "agreementId"), events, dossier.get("checkpoint"), dossier.get("proof"));
    }

    private static Record archivePackage(Path file) throws IOException {
        String agreementId = null;
        List<JsonNode> events = new ArrayList<>();
        JsonNode checkpoint = null;
        JsonNode proof = null;
        try (InputStream in = Files.newInputStream(file);
                ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (agreementId == null && name.startsWith("uuid-")) {
                    agreementId = name.substring("uuid-".length(), name.indexOf('/'));
                }
                if (name.endsWith("/data/events.jsonl")) {
                    for (String line : new String(zip.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank()) {
                            events.add(JSON.readTree(line));
                        }
                    }
                } else if (name.endsWith("/data/checkpoint.json")) {
                    checkpoint = JSON.readTree(zip.readAllBytes());
                } else if (name.endsWith("/data/proof.json")) {
                    proof = JSON.readTree(zip.readAllBytes());
                }
            }
        }
        if (agreementId == null) {
            throw new IOException(file + " is no archive package of Coop (no uuid-… folder)");
        }
        return new Record(agreementId, events, checkpoint, proof);
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readAllBytes(file));
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
