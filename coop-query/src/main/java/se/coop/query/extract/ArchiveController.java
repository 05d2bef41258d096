package se.coop.query.extract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.AgreementId;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.input.EmptyBody;
import se.coop.query.QueryNode;
import se.coop.query.web.ReadParameters;
import tools.jackson.databind.json.JsonMapper;

/** E-archive packages: one agreement's, and an operator's export of every archived agreement. */
@QueryNode
@RestController
@Tag(name = "Archive", description = "E-archive packages (E-ARK SIP per FGS)")
public class ArchiveController {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final ArchivePackages packages;
    private final ArchiveExports exports;

    private final HeavyExtracts heavy;
    private final ExtractJobs jobs;
    private final JsonMapper json;

    ArchiveController(
            ArchivePackages packages, ArchiveExports exports, HeavyExtracts heavy, ExtractJobs jobs, JsonMapper json) {
        this.packages = packages;
        this.exports = exports;
        this.heavy = heavy;
        this.jobs = jobs;
        this.json = json;
    }

    @GetMapping(path = "/api/v1/agreements/{agreementId}/archive-package", produces = "application/zip")
    @Operation(
            summary = "The e-archive package of an agreement (auditors: archived ones; operators: any)",
            description =
                    "A ZIP laid out as an E-ARK SIP (CSIP/SIP 2.1.0, as FGS Paketstruktur 2.0 builds on it): METS.xml"
                            + " listing every file with its SHA-256 and size, the agreement as a case in CITS ERMS (FGS"
                            + " Ärendehantering), PREMIS with each file's fixity and the verified hash chain's head hash, and"
                            + " one representation: the raw events as stored (JSON Lines, bytes verbatim), the history in"
                            + " words, the dossier as PDF/A-2b and the documents' metadata. For an auditor only an archived"
                            + " agreement has one (409 AGREEMENT_NOT_ARCHIVED otherwise). Raw events are otherwise for"
                            + " auditors only, but an operator may take the package of any agreement — one not"
                            + " archived is marked in METS as a preliminary extract (LABEL, RECORDSTATUS=\"TEST\") and in"
                            + " PREMIS — so that a transfer to the e-archive can be tried before the agreement is archived."
                            + " One too large to answer within coop.extracts.answer-within (judged by its dossier's"
                            + " parts and the bytes of its documents), or asked for with Prefer: respond-async, is made"
                            + " in the background: 202 with a Location (/api/v1/extracts/{jobId}) that shows its"
                            + " progress and, when done, its file.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        content =
                                @Content(
                                        mediaType = "application/zip",
                                        schema = @Schema(type = "string", format = "binary"))),
                @ApiResponse(
                        responseCode = "202",
                        description = "Made in the background",
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = ExtractJob.class)))
            })
    public void archivePackage(
            @PathVariable String agreementId,
            @Parameter(description = "respond-async: make it in the background (202) whatever its size")
                    @RequestHeader(name = "Prefer", required = false)
                    String prefer,
            HttpServletRequest request,
            HttpServletResponse response,
            Principal user)
            throws IOException {
        ExtractJob job = answer(agreementId, prefer, request, response, user);
        if (job != null) {
            ExtractJobController.accepted(job, response, json);
        }
    }

    /**
     * Answers with the package; or, for one too large to answer in {@code coop.extracts.answer-within} (or asked for
     * with {@code Prefer: respond-async}), starts it in the background and returns its job, having answered nothing.
     */
    public ExtractJob answer(
            String agreementId, String prefer, HttpServletRequest request, HttpServletResponse response, Principal user)
            throws IOException {
        AgreementId id = ReadParameters.agreementId(agreementId);
        boolean operator = request.isUserInRole("OPERATOR");
        String reader = user == null ? "unknown" : user.getName();
        // a bounded number at a time, per node and per user (HeavyExtracts), its dossier read within its turn: the rest
        // wait their turn or get 429; a job keeps the turn until it ends
        HeavyExtracts.Turn turn = heavy.take(reader, "archive package");
        boolean handedOver = false;
        try {
            ArchivePackages.Prepared prepared = packages.prepare(id, !operator, reader);
            if (jobs.inBackground(prefer, prepared.rows(), prepared.documentBytes())) {
                ExtractJob job = jobs.start(
                        turn, "ARCHIVE_PACKAGE", id, reader, prepared.fileName(), ZIP, prepared.steps(), (out, p) -> {
                            prepared.check(p);
                            prepared.writeTo(out, p);
                        });
                handedOver = true;
                return job;
            }
            prepared.check();
            write(prepared, response);
            return null;
        } finally {
            if (!handedOver) {
                turn.close();
            }
        }
    }

    private static void write(ArchivePackages.Prepared prepared, HttpServletResponse response) throws IOException {
        response.setContentType(ZIP.toString());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(prepared.fileName())
                        .build()
                        .toString());
        response.setHeader("Coop-Preliminary-Extract", String.valueOf(prepared.preliminary()));
        // written as it is made: the documents it carries are streamed from the store, never held whole
        prepared.writeTo(StreamUtils.nonClosing(response.getOutputStream()), DossierRenderer.Progress.NONE);
    }

    @PostMapping(path = "/api/v1/admin/archive-exports", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Packages every archived agreement (operators)",
            description = "No body (or {}). 202 with a Location whose GET shows the progress (done of total) and,"
                    + " when done, each package with its file and SHA-256, written under"
                    + " coop.archive.export-dir/{exportId}. One export runs at a time: while one runs, 409"
                    + " EXPORT_RUNNING names it.")
    public ResponseEntity<ArchiveExport> startExport(Principal user, @RequestBody(required = false) EmptyBody body) {
        UUID exportId = exports.start(user == null ? "unknown" : user.getName());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/archive-exports/" + exportId))
                .body(exports.find(exportId).orElseThrow());
    }

    @GetMapping(path = "/api/v1/admin/archive-exports/{exportId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "archiveExport", summary = "An archive export's progress and packages (operators)")
    public ArchiveExport export(@PathVariable String exportId) {
        UUID id;
        try {
            id = UUID.fromString(exportId);
            if (!id.toString().equalsIgnoreCase(exportId)) {
                throw notFound(exportId);
            }
        } catch (IllegalArgumentException e) {
            throw notFound(exportId);
        }
        return exports.find(id).orElseThrow(() -> notFound(exportId));
    }

    private static CoopProblem notFound(String exportId) {
        return new CoopProblem(ErrorCode.EXPORT_NOT_FOUND, "There is no archive export " + exportId + ".");
    }
}
