package se.coop.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.proof.Checkpoint;
import se.coop.query.QueryNode;
import se.coop.query.web.ReadParameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Checkpoints as auditors keep them, the keys that signed them, and an agreement's proof against one. */
@QueryNode
@RestController
@Tag(name = "Audit", description = "Signed checkpoints of every event stream, their keys and proofs")
public class AuditController {

    private final CheckpointLog checkpoints;
    private final CheckpointVerifications verifications;

    private final ObjectMapper json;
    private final StoreExtracts extracts;

    AuditController(
            CheckpointLog checkpoints,
            CheckpointVerifications verifications,
            ObjectMapper json,
            StoreExtracts extracts) {
        this.checkpoints = checkpoints;
        this.verifications = verifications;
        this.json = json;
        this.extracts = extracts;
    }

    @GetMapping(path = "/api/v1/audit/checkpoints/{checkpointId}/store-extract", produces = "application/x-ndjson")
    @Operation(
            operationId = "storeExtract",
            summary = "Every stream a checkpoint covered, its events exactly as stored (role AUDITOR)",
            description = "JSON Lines, streamed: a header with the checkpoint and the signing keys; for each stream"
                    + " the checkpoint covered, its leaf as Coop kept it and then its events up to the sequence"
                    + " covered, bytes in base64 (none for a stream deleted whole); an end line with the counts."
                    + " coop-verify --extract checks it alone and names every stream missing, shorter or changed."
                    + " Each download is recorded. 404 CHECKPOINT_NOT_FOUND for a checkpoint that names none.")
    public void storeExtract(@PathVariable String checkpointId, Principal user, HttpServletResponse response)
            throws java.io.IOException {
        Checkpoint checkpoint = checkpoints.find(checkpointId(checkpointId)).orElseThrow(() -> unknown(checkpointId));
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"coop-store-extract-" + checkpoint.checkpointId() + ".jsonl\"");
        extracts.write(checkpoint, user == null ? "unknown" : user.getName(), response.getOutputStream());
    }

    @GetMapping(path = "/api/v1/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "listCheckpoints",
            summary = "Every checkpoint taken, newest first (roles AUDITOR, OPERATOR)")
    public List<Checkpoint> list() {
        return checkpoints.all();
    }

    @GetMapping(path = "/api/v1/audit/checkpoints/{checkpointId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "checkpoint",
            summary = "One checkpoint as a self-contained signed document (roles AUDITOR, OPERATOR)",
            description = "Keep it anywhere: with the public key of its keyId (GET /api/v1/audit/keys) its signature"
                    + " is checked without Coop — Ed25519 over the RFC 8785 canonical JSON of every field but"
                    + " signature (docs/audit.md).")
    public Checkpoint checkpoint(@PathVariable String checkpointId) {
        return checkpoints.find(checkpointId(checkpointId)).orElseThrow(() -> unknown(checkpointId));
    }

    @PostMapping(
            path = "/api/v1/audit/checkpoints/{checkpointId}/verifications",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "verifyAgainstCheckpoint",
            summary = "Verifies the event store against a checkpoint (roles AUDITOR, OPERATOR)",
            description = "No body (or {}): against the checkpoint as Coop keeps it; or the checkpoint document an"
                    + " auditor kept (as GET gave it), to verify against that one. 202 with a Location whose GET shows"
                    + " the progress (done of total streams)"
                    + " and then the result: whether the signature and the root hold, whether the checkpoint is in its"
                    + " chained stream, and every stream it covered that is missing, shorter than it was (the missing"
                    + " sequences) or changed (where its chain breaks, or the hash it leads to). intact only when all"
                    + " hold. 404 for a checkpoint that names none; 409 VERIFICATION_RUNNING while another runs (one"
                    + " at a time).")
    public ResponseEntity<CheckpointVerifications.Verification> verify(
            @PathVariable String checkpointId,
            Principal user,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = Checkpoint.class)))
                    @RequestBody(required = false)
                    JsonNode body,
            HttpServletRequest request) {
        Checkpoint stored = checkpoints.find(checkpointId(checkpointId)).orElseThrow(() -> unknown(checkpointId));
        Checkpoint checkpoint = stored;
        // no body and {} alike verify against the checkpoint as Coop keeps it
        Checkpoint kept = body == null || body.isEmpty() && body.isObject() ? null : kept(body, request);
        if (kept != null && kept.checkpointId() != null) {
            if (!kept.checkpointId().equals(stored.checkpointId())) {
                throw new CoopProblem(
                        ErrorCode.VALIDATION_FAILED,
                        "the checkpoint given is " + kept.checkpointId() + ", not " + checkpointId,
                        "checkpointId");
            }
            checkpoint = kept;
        }
        UUID id = verifications.start(checkpoint, user == null ? "unknown" : user.getName());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/audit/checkpoints/" + checkpoint.checkpointId() + "/verifications/" + id))
                .body(verifications
                        .find(UUID.fromString(checkpoint.checkpointId()), id)
                        .orElseThrow());
    }

    /** The checkpoint document an auditor sent, or the same 400 as any body Coop cannot read. */
    private Checkpoint kept(JsonNode body, HttpServletRequest request) {
        try {
            return json.treeToValue(body, Checkpoint.class);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException(
                    "the checkpoint sent cannot be read", e, new ServletServerHttpRequest(request));
        }
    }

    @GetMapping(
            path = "/api/v1/audit/checkpoints/{checkpointId}/verifications/{verificationId}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "checkpointVerification",
            summary = "A verification against a checkpoint: its progress, then its result (roles AUDITOR, OPERATOR)")
    public CheckpointVerifications.Verification verification(
            @PathVariable String checkpointId, @PathVariable String verificationId) {
        return verifications
                .find(checkpointId(checkpointId), uuid(verificationId, "verification"))
                .orElseThrow(() -> new CoopProblem(
                        ErrorCode.CHECKPOINT_NOT_FOUND,
                        "There is no verification " + verificationId + " of checkpoint " + checkpointId + "."));
    }

    @GetMapping(path = "/api/v1/audit/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "signingKeys",
            summary = "Every public key checkpoints were ever signed with, and when it was in use (public)")
    public List<CheckpointLog.PublishedKey> keys() {
        return checkpoints.keys();
    }

    @GetMapping(path = "/api/v1/agreements/{agreementId}/proof", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "agreementProof",
            summary = "The Merkle audit path of the agreement's stream in a checkpoint (role AUDITOR)",
            description =
                    "checkpoint: its id; the latest checkpoint that covers the agreement when left out. The leaf is the agreement's head"
                            + " at the checkpoint (sequence and chain hash); the path leads from it to the checkpoint's signed"
                            + " root (RFC 6962, RFC 9162 §2.1.3.2). 404 when the checkpoint is unknown or did not cover the"
                            + " agreement (made after it).")
    public CheckpointLog.Proof proof(
            @PathVariable String agreementId, @RequestParam(required = false) String checkpoint) {
        String id = ReadParameters.agreementId(agreementId).toString();
        Checkpoint against = checkpoint == null
                ? checkpoints
                        .latestCovering(id)
                        .orElseThrow(() -> new CoopProblem(
                                ErrorCode.CHECKPOINT_NOT_FOUND, "No checkpoint covers agreement " + id + " yet."))
                : checkpoints.find(checkpointId(checkpoint)).orElseThrow(() -> unknown(checkpoint));
        return checkpoints
                .proof(against, id)
                .orElseThrow(() -> new CoopProblem(
                        ErrorCode.AGREEMENT_NOT_FOUND,
                        "Checkpoint " + against.checkpointId() + " does not cover agreement " + id + "."));
    }

    private static UUID checkpointId(String value) {
        return uuid(value, "checkpoint");
    }

    private static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new CoopProblem(ErrorCode.CHECKPOINT_NOT_FOUND, "There is no " + what + " " + value + ".");
        }
    }

    private static CoopProblem unknown(String checkpointId) {
        return new CoopProblem(ErrorCode.CHECKPOINT_NOT_FOUND, "There is no checkpoint " + checkpointId + ".");
    }
}
