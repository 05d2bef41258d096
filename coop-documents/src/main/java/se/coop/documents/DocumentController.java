package se.coop.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.coop.api.BusinessTime;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.document.StoredDocument;
import se.coop.api.input.Multiline;

/**
 * The document store over HTTP: upload ({@code multipart/form-data}), what the store holds of a document, its bytes
 * (with ranges), removal of a mistaken upload, culling, and the store at a glance for operators. Uploading is not a
 * command on an agreement: it writes no event and changes no agreement's version.
 */
@RestController
@Tag(name = "Documents", description = "The documents agreements name, kept by their SHA-256")
public class DocumentController {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final CoopDocuments documents;
    private final DocumentStore store;
    private final DocumentAccess access;
    private final DocumentSettings settings;
    private final DocumentStoreSummary summaries;
    private final Clock clock;

    DocumentController(
            CoopDocuments documents,
            DocumentStore store,
            DocumentAccess access,
            DocumentSettings settings,
            DocumentStoreSummary summaries,
            Clock clock) {
        this.summaries = summaries;
        this.documents = documents;
        this.store = store;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping(
            path = "/api/v1/documents",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "uploadDocument",
            summary = "Upload a document: Coop keeps its bytes by their SHA-256",
            description = "Part file (the bytes), optional field fileName (else the part's own file name). Coop takes"
                    + " the SHA-256 and size as the bytes arrive and detects the media type from them (containers"
                    + " included: a ZIP named .docx is a ZIP); one not in coop.documents.allowed-types is 415"
                    + " DOCUMENT_TYPE_NOT_ALLOWED naming the type found. 201 with Location when new; 200 when Coop"
                    + " holds these bytes already (bytes found damaged are written afresh: the upload repairs"
                    + " them). Larger than coop.documents.max-size: 413, nothing kept; an upload that ends early keeps"
                    + " nothing either. A PDF's PDF/A check runs afterwards: pdfa.status PENDING until it is done."
                    + " namedBy lists the agreements that already name these bytes: they are held from now on.")
    public ResponseEntity<DocumentAnswer> upload(
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "fileName", required = false) String fileName,
            Principal user,
            HttpServletRequest request)
            throws IOException, jakarta.servlet.ServletException {
        // one file and at most one name: a second would be dropped without a word
        if (request.getParts().stream()
                        .filter(part -> part.getName().equals("file"))
                        .count()
                > 1) {
            throw new CoopProblem(
                    ErrorCode.VALIDATION_FAILED, "Upload one file at a time (one part named file).", "file");
        }
        String[] names = request.getParameterValues("fileName");
        if (names != null && names.length > 1) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "Give one file name.", "fileName");
        }
        DocumentStore.Kept kept = receive(file, fileName, user);
        DocumentAnswer answer = DocumentAnswer.of(
                kept.document(), access.namedBy(kept.document().sha256()));
        URI location = ServletUriComponentsBuilder.fromContextPath(request)
                .path("/api/v1/documents/{sha256}")
                .buildAndExpand(answer.sha256())
                .toUri();
        return ResponseEntity.status(kept.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(location)
                .eTag(etag(answer.sha256()))
                .body(answer);
    }

    /** Stores a file a page's form uploaded, as this upload would: the same checks, the same answers. */
    public StoredDocument store(MultipartFile file, Principal user) throws IOException {
        return receive(file, null, user).document();
    }

    DocumentStore.Kept receive(MultipartFile file, String fileName, Principal user) throws IOException {
        if (file == null) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "Choose a file to upload.", "file");
        }
        String name = fileName == null || fileName.isBlank() ? file.getOriginalFilename() : checked(fileName);
        if (file.getSize() > settings.maxSize().toBytes()) {
            throw CoopDocuments.tooLarge(settings);
        }
        try (InputStream in = file.getInputStream()) {
            return documents.receive(in, name, user.getName());
        }
    }

    @GetMapping(path = "/api/v1/documents/{sha256}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "What Coop holds of a document, and which agreements name it",
            description = "Secretariats; auditors and reviewers when an agreement names it (as they see it listed"
                    + " among the agreement's documents); operators always. Its bytes (/content) are for fewer:"
                    + " reviewers read only texts and meetings' minutes, operators none.")
    public ResponseEntity<DocumentAnswer> find(@PathVariable String sha256, HttpServletRequest request) {
        String sha = sha(sha256);
        access.requireSee(request, sha);
        StoredDocument document = store.require(sha).document();
        return ResponseEntity.ok().eTag(etag(sha)).body(DocumentAnswer.of(document, access.namedBy(sha)));
    }

    @GetMapping(path = "/api/v1/documents/{sha256}/content")
    @Operation(
            operationId = "documentContent",
            summary = "A document's bytes",
            description = "Its detected media type, Content-Disposition with its file name (RFC 6266: an ASCII"
                    + " fallback and filename* in UTF-8), ETag its SHA-256, Range (one range of bytes; If-Range)."
                    + " Every stored chunk is checked against its SHA-256 before it is sent: one that does not match"
                    + " stops the answer (500 DOCUMENT_DAMAGED when nothing was sent yet) and is reported to operators."
                    + " Readers as for the document itself, but not operators; 410 DOCUMENT_CULLED once culled.")
    public void content(
            @PathVariable String sha256,
            @Parameter(description = "bytes=first-last, first-, or -suffix")
                    @RequestHeader(name = "Range", required = false)
                    String range,
            @RequestHeader(name = "If-Range", required = false) String ifRange,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        String sha = sha(sha256);
        access.requireRead(request, sha);
        DocumentStore.Row row = store.require(sha);
        StoredDocument document = row.document();
        if (!document.held()) {
            throw DocumentStore.culled(document);
        }
        String etag = etag(sha);
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        long size = document.size();
        long first = 0;
        long last = size - 1;
        boolean partial = false;
        if (range != null && (ifRange == null || ifRange.strip().equals(etag))) {
            long[] bytes;
            try {
                bytes = range(range, size);
            } catch (CoopProblem outside) {
                // 416 says how long the document is (RFC 9110, 15.5.17)
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
                throw outside;
            }
            if (bytes != null) {
                first = bytes[0];
                last = bytes[1];
                partial = true;
            }
        }
        String name = DocumentAnswer.of(document, java.util.List.of()).downloadName();
        HeadersOnFirstWrite out = new HeadersOnFirstWrite(response, partial, first, last, size, document, name);
        if (request.getMethod().equals("HEAD") || size == 0) {
            out.commit();
            return;
        }
        // a damaged chunk throws: before anything was sent, the problem is the answer (500 DOCUMENT_DAMAGED); after,
        // the connection is cut short of the Content-Length (coop-app's CommittedAnswers), never filled with other
        // bytes
        store.copy(sha, first, last, out);
        out.flush();
    }

    @DeleteMapping(path = "/api/v1/documents/{sha256}")
    @Operation(
            summary = "Remove an upload made by mistake",
            description = "Secretariats, while no agreement names the document (409 DOCUMENT_NAMED: such a document is"
                    + " only ever culled) and within coop.documents.removable-for of its upload (409"
                    + " DOCUMENT_REMOVAL_TOO_LATE). 204: its bytes and record are gone.")
    public ResponseEntity<Void> remove(@PathVariable String sha256) {
        store.remove(sha(sha256), access::requireRemovable);
        return ResponseEntity.noContent().build();
    }

    /** An operator's culling: the archive authority's decision it rests on, and the day it was taken. */
    public record CullRequest(
            @NotBlank @Size(max = 1000) @Multiline String decision,
            @NotNull LocalDate decidedOn) {}

    @PostMapping(
            path = "/api/v1/documents/{sha256}/culling",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Cull a document under the archive authority's decision (gallringsbeslut, kassationsbeslut)",
            description = "Operators. decision: the decision as the authority gave it (its reference and what it says"
                    + " may be culled); decidedOn: its day (not after today). The bytes go; what was culled, when, by"
                    + " whom and under which decision stays, and dossiers and packages say so. 410 DOCUMENT_CULLED when"
                    + " it was culled already. Coop culls nothing by itself.")
    public DocumentAnswer cull(@PathVariable String sha256, @Valid @RequestBody CullRequest body, Principal user) {
        String sha = sha(sha256);
        if (body.decidedOn().isAfter(BusinessTime.today(clock))) {
            throw new CoopProblem(
                    ErrorCode.DATE_IN_FUTURE,
                    "The decision cannot have been taken on " + body.decidedOn() + ", after today.",
                    "decidedOn");
        }
        StoredDocument culled = store.cull(sha, body.decision().strip(), body.decidedOn(), user.getName());
        return DocumentAnswer.of(culled, access.namedBy(sha));
    }

    @GetMapping(path = "/api/v1/admin/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The document store at a glance (operators)",
            description = "Held documents and bytes, culled ones, PDF/A checks pending, documents the scrub has not"
                    + " read yet, the oldest scrub, and every document found damaged.")
    public DocumentsSummary summary() {
        return summaries.summary();
    }

    /**
     * A name the client gives in so many words ({@code fileName}) is refused where it would not be kept as given; a
     * part's own file name, which a browser sets (some with the path it came from), is cleaned instead ({@link
     * FileNames#clean}).
     */
    private static String checked(String fileName) {
        if (fileName.codePoints().anyMatch(Character::isISOControl)) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "A file name holds no control characters.", "fileName");
        }
        if (fileName.contains("/")
                || fileName.contains("\\")
                || fileName.strip().chars().allMatch(c -> c == '.')) {
            throw new CoopProblem(
                    ErrorCode.VALIDATION_FAILED,
                    "A file name is a name, without a path (no / or \\) and not only dots.",
                    "fileName");
        }
        if (fileName.codePointCount(0, fileName.length()) > 255) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "A file name is at most 255 characters.", "fileName");
        }
        return fileName;
    }

    /** A document's hash from a path: 64 hexadecimal digits, or it names nothing (404). */
    static String sha(String value) {
        if (value == null || !SHA256.matcher(value).matches()) {
            throw new CoopProblem(
                    ErrorCode.DOCUMENT_NOT_FOUND, "'" + value + "' is no SHA-256, so it names no document.");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    static String etag(String sha256) {
        return "\"" + sha256 + "\"";
    }

    /**
     * One range of {@code size} bytes from a {@code Range} header, as {first, last}; null for a header Coop does not
     * serve as a range (not one bytes range: the whole is sent); 416 for a range that lies outside the document.
     */
    static long[] range(String header, long size) {
        Matcher matcher = RANGE.matcher(header.strip());
        if (!matcher.matches()
                || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return null;
        }
        try {
            long first;
            long last;
            if (matcher.group(1).isEmpty()) {
                long suffix = Long.parseLong(matcher.group(2));
                if (suffix == 0) {
                    throw unsatisfiable(size);
                }
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(matcher.group(1));
                if (first >= size) {
                    throw unsatisfiable(size);
                }
                long given = matcher.group(2).isEmpty() ? size - 1 : Long.parseLong(matcher.group(2));
                if (given < first) {
                    return null;
                }
                last = Math.min(given, size - 1);
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static CoopProblem unsatisfiable(long size) {
        return new CoopProblem(
                ErrorCode.RANGE_NOT_SATISFIABLE,
                "The document has " + size + " bytes; the range asked for lies outside them.",
                "Range");
    }

    /**
     * The answer's status and headers, set only when its first byte is written: a stored chunk found damaged before
     * then leaves the answer free for the problem that says so.
     */
    private static final class HeadersOnFirstWrite extends OutputStream {

        private final HttpServletResponse response;
        private final boolean partial;
        private final long first;
        private final long last;
        private final long size;
        private final StoredDocument document;
        private final String name;
        private OutputStream out;

        HeadersOnFirstWrite(
                HttpServletResponse response,
                boolean partial,
                long first,
                long last,
                long size,
                StoredDocument document,
                String name) {
            this.response = response;
            this.partial = partial;
            this.first = first;
            this.last = last;
            this.size = size;
            this.document = document;
            this.name = name;
        }

        void commit() throws IOException {
            if (out != null) {
                return;
            }
            response.setStatus(partial ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
            response.setContentType(document.mediaType());
            response.setContentLengthLong(size == 0 ? 0 : last - first + 1);
            if (partial) {
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + size);
            }
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, FileNames.disposition(name));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "sandbox");
            out = response.getOutputStream();
        }

        @Override
        public void write(int b) throws IOException {
            commit();
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            commit();
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (out != null) {
                out.flush();
            }
        }
    }
}
