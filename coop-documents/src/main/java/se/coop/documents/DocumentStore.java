package se.coop.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.document.DamagedDocument;
import se.coop.api.document.StoredDocument;

/**
 * The documents in PostgreSQL: a row per document, its bytes in chunks of {@link #CHUNK_SIZE} that each keep their own
 * SHA-256. A document is written in one transaction with all its chunks, so an upload that fails leaves nothing; every
 * chunk read is checked against its hash before it is handed on, and one that does not match stops the read and is
 * recorded as damage (docs/operating.md, Documents).
 */
@Component
public class DocumentStore {

    /** The size of a stored chunk: a range read touches only the chunks it needs. */
    public static final int CHUNK_SIZE = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);

    private static final String COLUMNS = "sha256, size, media_type, format_version, file_name, chunk_size, chunks,"
            + " uploaded_by, uploaded_at, pdfa_status, pdfa_flavour, pdfa_detail, pdfa_checked_at, damaged_at, damage,"
            + " culled_at, culled_by, cull_decision, cull_decided_on";

    /** The advisory lock a removal and a command naming the document share ({@code hashtextextended} of it). */
    private static final String LOCK = "document:";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DocumentStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A document's row: what the rest of Coop sees, and how its bytes are laid out. */
    record Row(StoredDocument document, int chunkSize, int chunks) {}

    /** The bytes of an upload spooled to {@code path}, with their SHA-256 and size. */
    record Spooled(Path path, String sha256, long size) {}

    /** What keeping an upload came to: the document, and whether it is new (or was held already, or was repaired). */
    record Kept(StoredDocument document, boolean created, boolean repaired) {}

    public Map<String, StoredDocument> find(Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return Map.of();
        }
        Map<String, StoredDocument> found = new LinkedHashMap<>();
        jdbc.query(
                "SELECT " + COLUMNS + " FROM document WHERE sha256 = ANY(?)",
                rs -> {
                    StoredDocument document = ROWS.mapRow(rs, 0).document();
                    found.put(document.sha256(), document);
                },
                (Object) sha256s.toArray(String[]::new));
        return found;
    }

    Optional<Row> row(String sha256) {
        return jdbc.query("SELECT " + COLUMNS + " FROM document WHERE sha256 = ?", ROWS, sha256).stream()
                .findFirst();
    }

    /**
     * Keeps the spooled bytes as a document: new, or — bytes held already — the one held (bytes held but found
     * damaged are written afresh, which repairs them). Culled bytes are not kept again.
     */
    Kept keep(Spooled spooled, FormatDetection.Format format, String fileName, String uploadedBy) {
        return transactions.execute(transaction -> {
            // a removal of these bytes under way finishes first (it holds the lock exclusively): then they are new
            jdbc.query(
                    "SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0))", rs -> {}, LOCK + spooled.sha256());
            Instant now = clock.instant();
            int chunks = (int) ((spooled.size() + CHUNK_SIZE - 1) / CHUNK_SIZE);
            int inserted = jdbc.update(
                    "INSERT INTO document (sha256, size, media_type, format_version, file_name, chunk_size, chunks,"
                            + " uploaded_by, uploaded_at, pdfa_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (sha256) DO NOTHING",
                    spooled.sha256(),
                    spooled.size(),
                    format.mediaType(),
                    format.version(),
                    fileName,
                    CHUNK_SIZE,
                    chunks,
                    uploadedBy,
                    Timestamp.from(now),
                    format.mediaType().equals("application/pdf") ? StoredDocument.PdfAStatus.PENDING.name() : null);
            if (inserted == 1) {
                writeChunks(spooled);
                return new Kept(require(spooled.sha256()).document(), true, false);
            }
            Row held = jdbc.query(
                            "SELECT " + COLUMNS + " FROM document WHERE sha256 = ? FOR UPDATE", ROWS, spooled.sha256())
                    .get(0);
            if (!held.document().held()) {
                throw culled(held.document());
            }
            if (held.document().damaged() == null) {
                return new Kept(held.document(), false, false);
            }
            jdbc.update("DELETE FROM document_chunk WHERE sha256 = ?", spooled.sha256());
            writeChunks(spooled);
            jdbc.update(
                    "UPDATE document SET damaged_at = NULL, damage = NULL, scrubbed_at = ?, chunk_size = ?, chunks = ?"
                            + " WHERE sha256 = ?",
                    Timestamp.from(now),
                    CHUNK_SIZE,
                    chunks,
                    spooled.sha256());
            log.warn("Document {} was damaged; its bytes were uploaded again and are whole now", spooled.sha256());
            return new Kept(require(spooled.sha256()).document(), false, true);
        });
    }

    private void writeChunks(Spooled spooled) {
        MessageDigest whole = sha256();
        try (InputStream in = Files.newInputStream(spooled.path())) {
            byte[] buffer = new byte[CHUNK_SIZE];
            int chunk = 0;
            int n;
            while ((n = in.readNBytes(buffer, 0, CHUNK_SIZE)) > 0) {
                byte[] bytes = n == CHUNK_SIZE ? buffer : Arrays.copyOf(buffer, n);
                whole.update(bytes);
                jdbc.update(
                        "INSERT INTO document_chunk (sha256, chunk_no, chunk_sha256, bytes) VALUES (?, ?, ?, ?)",
                        spooled.sha256(),
                        chunk++,
                        sha256().digest(bytes),
                        bytes);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the spooled upload could not be read again", e);
        }
        if (!HexFormat.of().formatHex(whole.digest()).equals(spooled.sha256())) {
            throw new IllegalStateException("the spooled upload changed while it was stored");
        }
    }

    /**
     * Writes bytes {@code first} to {@code last} (inclusive) of a held document to {@code out}, each chunk checked
     * against its hash before any of it is written; a whole read also checks the whole against the document's hash.
     */
    public void copy(String sha256, long first, long last, OutputStream out) throws IOException {
        Row row = require(sha256);
        if (!row.document().held()) {
            throw culled(row.document());
        }
        boolean whole = first == 0 && last == row.document().size() - 1;
        MessageDigest digest = sha256();
        int from = (int) (first / row.chunkSize());
        int to = (int) (last / row.chunkSize());
        for (int chunk = from; chunk <= to; chunk++) {
            byte[] bytes = chunk(sha256, chunk);
            long start = (long) chunk * row.chunkSize();
            int offset = (int) Math.max(0, first - start);
            int end = (int) Math.min(bytes.length, last - start + 1);
            if (whole) {
                digest.update(bytes);
            }
            out.write(bytes, offset, end - offset);
        }
        if (whole && !HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
            throw damaged(
                    sha256,
                    to,
                    "its chunks each match their hashes, but together they do not hash to the" + " document's SHA-256");
        }
    }

    /** One stored chunk, checked against its own SHA-256: a chunk that is missing or does not match is damage. */
    private byte[] chunk(String sha256, int chunk) {
        List<byte[][]> found = jdbc.query(
                "SELECT chunk_sha256, bytes FROM document_chunk WHERE sha256 = ? AND chunk_no = ?",
                (rs, n) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)},
                sha256,
                chunk);
        if (found.isEmpty()) {
            throw damaged(sha256, chunk, "chunk " + chunk + " is missing");
        }
        if (!MessageDigest.isEqual(found.get(0)[0], sha256().digest(found.get(0)[1]))) {
            throw damaged(sha256, chunk, "chunk " + chunk + " no longer matches its SHA-256");
        }
        return found.get(0)[1];
    }

    /** Records damage found in a document (once, the first found) and answers the problem that stops the read. */
    DamagedDocument damaged(String sha256, int chunk, String detail) {
        int recorded = jdbc.update(
                "UPDATE document SET damaged_at = ?, damage = ? WHERE sha256 = ? AND damaged_at IS NULL",
                Timestamp.from(clock.instant()),
                detail,
                sha256);
        if (recorded == 1) {
            log.error(
                    "Document {} is damaged in the store: {}. Restore it from a backup or upload it again.",
                    sha256,
                    detail);
        }
        return new DamagedDocument(sha256, chunk);
    }

    /** A whole read by the scrub found every chunk, and the whole, matching: recorded, and any damage cleared. */
    void scrubbed(String sha256) {
        jdbc.update(
                "UPDATE document SET scrubbed_at = ?, damaged_at = NULL, damage = NULL WHERE sha256 = ?",
                Timestamp.from(clock.instant()),
                sha256);
    }

    /**
     * In the transaction of a command naming these documents: holds each against removal until it commits (a shared
     * advisory lock per hash, which {@link #remove} takes exclusively).
     */
    long damagedCount() {
        Long damaged = jdbc.queryForObject("SELECT count(*) FROM document WHERE damaged_at IS NOT NULL", Long.class);
        return damaged == null ? 0 : damaged;
    }

    void naming(Collection<String> sha256s) {
        for (String sha256 : new java.util.TreeSet<>(sha256s)) {
            jdbc.query("SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0))", rs -> {}, LOCK + sha256);
        }
    }

    /**
     * Removes a document and its bytes (an upload no agreement names, within its time: {@code DocumentAccess}), under
     * the hash's exclusive lock: a command naming it that is under way commits first; {@code check}, run holding the
     * lock, then sees its naming (it waits for the read side to know every event recorded so far) and refuses.
     */
    void remove(String sha256, java.util.function.Consumer<StoredDocument> check) {
        transactions.executeWithoutResult(transaction -> {
            jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {}, LOCK + sha256);
            StoredDocument document = require(sha256).document();
            if (!document.held()) {
                throw culled(document);
            }
            check.accept(document);
            jdbc.update("DELETE FROM document WHERE sha256 = ? AND culled_at IS NULL", sha256);
        });
    }

    /** Culls a held document: its bytes go, the record of what culled it stays. */
    StoredDocument cull(String sha256, String decision, LocalDate decidedOn, String culledBy) {
        return transactions.execute(transaction -> {
            int culled = jdbc.update(
                    "UPDATE document SET culled_at = ?, culled_by = ?, cull_decision = ?, cull_decided_on = ?"
                            + " WHERE sha256 = ? AND culled_at IS NULL",
                    Timestamp.from(clock.instant()),
                    culledBy,
                    decision,
                    decidedOn,
                    sha256);
            if (culled == 0) {
                Row row = require(sha256);
                throw culled(row.document());
            }
            jdbc.update("DELETE FROM document_chunk WHERE sha256 = ?", sha256);
            log.info("Document {} was culled by {} under the decision '{}'", sha256, culledBy, decision);
            return require(sha256).document();
        });
    }

    void recordPdfA(String sha256, StoredDocument.PdfA pdfa) {
        jdbc.update(
                "UPDATE document SET pdfa_status = ?, pdfa_flavour = ?, pdfa_detail = ?, pdfa_checked_at = ?"
                        + " WHERE sha256 = ? AND pdfa_status IS NOT NULL",
                pdfa.status().name(),
                pdfa.flavour(),
                pdfa.detail(),
                Timestamp.from(pdfa.checkedAt()),
                sha256);
    }

    /** The PDFs whose check is still pending since before {@code before}. */
    List<String> pendingPdfA(Instant before) {
        return jdbc.queryForList(
                "SELECT sha256 FROM document WHERE pdfa_status = 'PENDING' AND uploaded_at < ? AND culled_at IS NULL"
                        + " ORDER BY uploaded_at",
                String.class,
                Timestamp.from(before));
    }

    /** The store at a glance ({@link DocumentsSummary}); the scrub's round is given by whoever asks. */
    DocumentsSummary summary(String scrubRound) {
        List<StoredDocument> damaged = jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM document WHERE damaged_at IS NOT NULL AND culled_at IS NULL"
                                + " ORDER BY damaged_at",
                        ROWS)
                .stream()
                .map(Row::document)
                .toList();
        return jdbc.queryForObject(
                "SELECT count(*) FILTER (WHERE culled_at IS NULL), COALESCE(sum(size) FILTER (WHERE culled_at IS NULL),"
                        + " 0), count(*) FILTER (WHERE culled_at IS NOT NULL), count(*) FILTER (WHERE pdfa_status ="
                        + " 'PENDING' AND culled_at IS NULL), count(*) FILTER (WHERE scrubbed_at IS NULL AND culled_at"
                        + " IS NULL), min(scrubbed_at) FILTER (WHERE culled_at IS NULL) FROM document",
                (rs, n) -> new DocumentsSummary(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        scrubRound,
                        damaged));
    }

    Row require(String sha256) {
        return row(sha256)
                .orElseThrow(() -> new CoopProblem(
                        ErrorCode.DOCUMENT_NOT_FOUND, "Coop holds no document with the SHA-256 " + sha256 + "."));
    }

    static CoopProblem culled(StoredDocument document) {
        StoredDocument.Culling culling = document.culled();
        return new CoopProblem(
                ErrorCode.DOCUMENT_CULLED,
                "Document " + document.sha256() + " was culled on " + culling.culledAt() + " under the decision '"
                        + culling.decision() + "'" + (culling.decidedOn() == null ? "" : " of " + culling.decidedOn())
                        + ": its bytes are gone, and are not stored again.");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final RowMapper<Row> ROWS = (rs, n) -> {
        String pdfaStatus = rs.getString("pdfa_status");
        Timestamp pdfaCheckedAt = rs.getTimestamp("pdfa_checked_at");
        Timestamp damagedAt = rs.getTimestamp("damaged_at");
        Timestamp culledAt = rs.getTimestamp("culled_at");
        java.sql.Date decidedOn = rs.getDate("cull_decided_on");
        StoredDocument document = new StoredDocument(
                rs.getString("sha256"),
                rs.getLong("size"),
                rs.getString("media_type"),
                rs.getString("format_version"),
                rs.getString("file_name"),
                pdfaStatus == null
                        ? null
                        : new StoredDocument.PdfA(
                                StoredDocument.PdfAStatus.valueOf(pdfaStatus),
                                rs.getString("pdfa_flavour"),
                                rs.getString("pdfa_detail"),
                                pdfaCheckedAt == null ? null : pdfaCheckedAt.toInstant()),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant(),
                damagedAt == null ? null : new StoredDocument.Damage(damagedAt.toInstant(), rs.getString("damage")),
                culledAt == null
                        ? null
                        : new StoredDocument.Culling(
                                culledAt.toInstant(),
                                rs.getString("culled_by"),
                                rs.getString("cull_decision"),
                                decidedOn == null ? null : decidedOn.toLocalDate()));
        return new Row(document, rs.getInt("chunk_size"), rs.getInt("chunks"));
    };
}
