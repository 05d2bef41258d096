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

    private static final String USAGE = "usage: java -jar coop-verify.jar --key FILE (--dossier FILE | --package ZIP"
            + " | --extract FILE) [--checkpoint FILE] [--proof FILE]";

    private static final String HELP = USAGE + """

            Checks, without Coop and without a database, that an agreement's events are those a signed checkpoint
            covered, and says in plain words what holds and what does not.

              --key FILE          the public key (PEM) the checkpoint was signed with (GET /api/v1/audit/keys)
              --dossier FILE      the agreement's dossier as JSON (GET /api/v1/agreements/{id}/dossier?format=json)
              --package ZIP       the agreement's archive package; its METS checksums are checked too
              --extract FILE      a full store extract for a checkpoint
                                  (GET /api/v1/audit/checkpoints/{id}/store-extract): every stream the checkpoint
                                  covered is checked, and each one deleted whole, cut short or changed is named
              --checkpoint FILE   a checkpoint an auditor kept, instead of the one in the dossier or package
              --proof FILE        its proof for the agreement, instead of the one in the dossier or package
              --help              this text

            Exit code: 0 when everything the checkpoint covers holds, 1 when something does not, 2 when the files
            cannot be read. docs/audit.md gives the exact bytes of every hash and of the signed text.""";

    /** Runs the verifier; returns its exit code. */
    public static int run(String[] args, PrintStream out) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(HELP);
            return 0;
        }
        Map<String, Path> files;
        try {
            files = arguments(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            out.println("(--help says more)");
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
            if (!List.of("--key", "--dossier", "--package", "--extract", "--checkpoint", "--proof")
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
        int given = (files.containsKey("dossier") ? 1 : 0)
                + (files.containsKey("package") ? 1 : 0)
                + (files.containsKey("extract") ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give one of --dossier, --package and --extract");
        }
        return files;
    }

    /** What the dossier or package holds: the agreement, its stored events, and the checkpoint and proof, if any. */
    private record Record(
            String agreementId, List<JsonNode> events, JsonNode checkpoint, JsonNode proof, Checksums checksums) {}

    /** A package's METS checksums: how many files they name, and each that is missing or differs. */
    private record Checksums(int named, List<String> wrong) {}

    private int verify(Map<String, Path> files) throws IOException {
        if (files.containsKey("extract")) {
            return new StoreExtractCheck(out, this)
                    .verify(
                            files.get("extract"),
                            files.containsKey("checkpoint") ? read(files.get("checkpoint")) : null,
                            SigningKeys.readPublic(Files.readString(files.get("key"), StandardCharsets.US_ASCII)));
        }
        Record record =
                files.containsKey("dossier") ? dossier(files.get("dossier")) : archivePackage(files.get("package"));
        JsonNode checkpointJson = files.containsKey("checkpoint") ? read(files.get("checkpoint")) : record.checkpoint();
        JsonNode proof = files.containsKey("proof") ? read(files.get("proof")) : record.proof();
        // the package's own checksums hold or not whatever the checkpoint: checked first
        if (record.checksums() != null) {
            Checksums sums = record.checksums();
            check(
                    sums.named() > 0 && sums.wrong().isEmpty(),
                    "the package's " + sums.named() + " files match the SHA-256 checksums its METS files give",
                    sums.named() == 0
                            ? "the package's METS files give no checksums"
                            : "files of the package do not match its METS checksums: "
                                    + String.join(", ", sums.wrong()));
        }
        if (checkpointJson == null || checkpointJson.isNull() || proof == null || proof.isNull()) {
            if (!failed.isEmpty()) {
                out.println("Result: does NOT hold — " + String.join("; ", failed)
                        + " (and there is no checkpoint to check the events against).");
                return 1;
            }
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

        checkpointHolds(checkpoint, key);

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
        // the leaf of the hash the proof says the checkpoint recorded: whether the path leads from it to the signed
        // root
        // is one question, whether the events lead to that hash (above) another — each answered on its own
        List<byte[]> path = new ArrayList<>();
        byte[] leaf = null;
        try {
            leaf = MerkleTree.leaf(
                    record.agreementId(),
                    sequence,
                    HEX.parseHex(proof.path("chainHash").asText()));
            proof.path("path").forEach(sibling -> path.add(HEX.parseHex(sibling.asText())));
            HEX.parseHex(checkpoint.root());
        } catch (IllegalArgumentException e) {
            leaf = null;
        }
        check(
                leaf != null && MerkleTree.verify(leaf, leafIndex, treeSize, path, HEX.parseHex(checkpoint.root())),
                "the recorded hash and its audit path lead to the checkpoint's signed root",
                "the recorded hash and its audit path do not lead to the checkpoint's signed root");
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

    /** Says what the checkpoint is, and checks that the key given is the one it names and its signature holds. */
    void checkpointHolds(Checkpoint checkpoint, PublicKey key) {
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
    }

    /** What failed so far, in words. */
    List<String> failed() {
        return failed;
    }

    /** Prints one check: what holds, or what does not (remembered for the result). */
    void check(boolean holds, String whenHolds, String whenNot) {
        out.println("  " + (holds ? "holds:    " : "FAILS:    ") + (holds ? whenHolds : whenNot));
        if (!holds) {
            failed.add(whenNot);
        }
    }

    private static Record dossier(Path file) throws IOException {
        JsonNode dossier = read(file);
        List<JsonNode> events = new ArrayList<>();
        dossier.path("events").forEach(events::add);
        return new Record(text(dossier, "agreementId"), events, dossier.get("checkpoint"), dossier.get("proof"), null);
    }

    private static Record archivePackage(Path file) throws IOException {
        String agreementId = null;
        List<JsonNode> events = new ArrayList<>();
        JsonNode checkpoint = null;
        JsonNode proof = null;
        Map<String, String> sha256 = new LinkedHashMap<>();
        Map<String, byte[]> mets = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
                ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.endsWith("METS.xml")) {
                    byte[] bytes = zip.readAllBytes();
                    mets.put(name, bytes);
                    sha256.put(name, sha256(new java.io.ByteArrayInputStream(bytes)));
                    continue;
                }
                if (!name.endsWith(".json") && !name.endsWith(".jsonl")) {
                    // a document may be large: hashed as it is read, not held
                    sha256.put(name, sha256(zip));
                    continue;
                }
                byte[] bytes = zip.readAllBytes();
                sha256.put(name, sha256(new java.io.ByteArrayInputStream(bytes)));
                if (name.endsWith("/data/events.jsonl")) {
                    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank()) {
                            events.add(JSON.readTree(line));
                        }
                    }
                } else if (name.endsWith("/data/checkpoint.json")) {
                    checkpoint = JSON.readTree(bytes);
                } else if (name.endsWith("/data/proof.json")) {
                    proof = JSON.readTree(bytes);
                }
            }
        }
        for (String name : sha256.keySet()) {
            if (agreementId == null && name.startsWith("uuid-")) {
                agreementId = name.substring("uuid-".length(), name.indexOf('/'));
            }
        }
        if (agreementId == null) {
            throw new IOException(file + " is no archive package of Coop (no uuid-… folder)");
        }
        return new Record(agreementId, events, checkpoint, proof, checksums(mets, sha256));
    }

    /**
     * Every file a METS.xml of the package gives a checksum for (a file's FLocat, a metadata reference's own href),
     * resolved from that METS.xml's folder, against the SHA-256 of the file as the package holds it.
     */
    private static Checksums checksums(Map<String, byte[]> mets, Map<String, String> sha256) throws IOException {
        int named = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : mets.entrySet()) {
            String folder = file.getKey().substring(0, file.getKey().lastIndexOf('/') + 1);
            org.w3c.dom.Document document = xml(file.getValue(), file.getKey());
            org.w3c.dom.NodeList all = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                org.w3c.dom.Element element = (org.w3c.dom.Element) all.item(i);
                if (!element.hasAttribute("CHECKSUM")) {
                    continue;
                }
                String href = element.getAttributeNS(XLINK, "href");
                if (href.isEmpty()) {
                    org.w3c.dom.NodeList locations = element.getElementsByTagNameNS("*", "FLocat");
                    href = locations.getLength() == 0
                            ? ""
                            : ((org.w3c.dom.Element) locations.item(0)).getAttributeNS(XLINK, "href");
                }
                String path =
                        java.net.URI.create(folder).resolve(href).normalize().toString();
                named++;
                String actual = sha256.get(path);
                if (!"SHA-256".equalsIgnoreCase(element.getAttribute("CHECKSUMTYPE"))) {
                    wrong.add(path + " (a checksum of another kind than SHA-256)");
                } else if (actual == null) {
                    wrong.add(path + " (missing)");
                } else if (!actual.equalsIgnoreCase(element.getAttribute("CHECKSUM"))) {
                    wrong.add(path + " (changed)");
                }
            }
        }
        return new Checksums(named, wrong);
    }

    private static final String XLINK = "http://www.w3.org/1999/xlink";

    private static org.w3c.dom.Document xml(byte[] bytes, String name) throws IOException {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(bytes));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(name + " cannot be read as XML: " + e.getMessage(), e);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HEX.formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A checkpoint read strictly: the document Coop signs, or an exception saying why not. */
    static Checkpoint checkpoint(JsonNode json) throws JsonProcessingException {
        return STRICT.treeToValue(json, Checkpoint.class);
    }

    static JsonNode line(String text) throws JsonProcessingException {
        return JSON.readTree(text);
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
