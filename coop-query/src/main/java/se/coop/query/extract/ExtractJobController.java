package se.coop.query.extract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.query.QueryNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heavy extracts made in the background ({@link ExtractJob}), for the reader who asked for them: their progress, their
 * file when done, and cancelling one.
 */
@QueryNode
@RestController
@RequestMapping("/api/v1/extracts")
@Tag(name = "Extracts", description = "Dossiers and archive packages made in the background")
public class ExtractJobController {

    private final ExtractJobs jobs;

    ExtractJobController(ExtractJobs jobs) {
        this.jobs = jobs;
    }

    /** The answer for an extract made in the background: 202, its Location and the job as JSON. */
    static void accepted(ExtractJob job, HttpServletResponse response, JsonMapper json) throws IOException {
        response.setStatus(HttpStatus.ACCEPTED.value());
        response.setHeader(HttpHeaders.LOCATION, "/api/v1/extracts/" + job.jobId());
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(StreamUtils.nonClosing(response.getOutputStream()), job);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "extractJobs",
            summary = "Your extracts made in the background, the latest first (at most 50)")
    public List<ExtractJob> mine(Principal user) {
        return jobs.of(user.getName());
    }

    @GetMapping(path = "/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "extractJob",
            summary = "An extract made in the background: its progress and, when done, where its file is",
            description = "Only for the reader who asked for it (anyone else: 404 EXTRACT_NOT_FOUND). RUNNING with done"
                    + " of total steps (the dossier's parts, then the package's documents); DONE with file (its"
                    + " address), size and SHA-256; FAILED with the error; CANCELLED; INTERRUPTED (its node stopped)."
                    + " A finished one's file is removed coop.extracts.keep after it finished (removedAt).")
    public ResponseEntity<ExtractJob> job(@PathVariable String jobId, Principal user) {
        ExtractJob job = find(jobId, user);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if ("RUNNING".equals(job.state())) {
            answer.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return answer.body(job);
    }

    @GetMapping(path = "/{jobId}/file")
    @Operation(
            operationId = "extractFile",
            summary = "The file of an extract made in the background",
            description = "409 EXTRACT_NOT_READY (with Retry-After) while it is made; 410 EXTRACT_GONE once it failed,"
                    + " was cancelled or removed.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = {
                                @Content(
                                        mediaType = "application/pdf",
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(
                                        mediaType = "application/zip",
                                        schema = @Schema(type = "string", format = "binary"))
                            }))
    public void file(
            @PathVariable String jobId, Principal user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ExtractJob job = find(jobId, user);
        jobs.ready(job);
        response.setContentType(job.mediaType());
        response.setContentLengthLong(job.size());
        if ("ARCHIVE_PACKAGE".equals(job.kind())) {
            // as the package answered at once says it (its file name and METS say it too)
            response.setHeader(
                    "Coop-Preliminary-Extract", String.valueOf(job.fileName().endsWith("-preliminary.zip")));
        }
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(job.fileName()).build().toString());
        if (DownloadFormats.headOnly(request)) {
            return;
        }
        jobs.copy(job, StreamUtils.nonClosing(response.getOutputStream()));
    }

    @DeleteMapping("/{jobId}")
    @Operation(
            operationId = "cancelExtract",
            summary = "Cancels an extract made in the background, or removes its file",
            description = "A running one stops at its next step, on whichever node it runs; 204.")
    public ResponseEntity<Void> cancel(@PathVariable String jobId, Principal user) {
        ExtractJob job = find(jobId, user);
        jobs.cancel(UUID.fromString(job.jobId()), user.getName());
        return ResponseEntity.noContent().build();
    }

    private ExtractJob find(String jobId, Principal user) {
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw notFound(jobId);
        }
        if (!id.toString().equalsIgnoreCase(jobId)) {
            throw notFound(jobId);
        }
        return jobs.find(id, user.getName()).orElseThrow(() -> notFound(jobId));
    }

    private static CoopProblem notFound(String jobId) {
        return new CoopProblem(ErrorCode.EXTRACT_NOT_FOUND, "You have no extract " + jobId + ".");
    }
}
