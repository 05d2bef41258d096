package se.coop.query.extract;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.AgreementId;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.query.QueryNode;
import se.coop.query.history.HistoryProjection;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.status.StatusProjection;
import se.coop.query.web.AgreementQueryController;
import se.coop.query.web.ReadParameters;
import tools.jackson.databind.json.JsonMapper;

/** An agreement's audit dossier, as PDF/A-2b for people or JSON with the raw events for machines (auditors). */
@QueryNode
@RestController
@RequestMapping("/api/v1/agreements")
@Tag(name = "Agreements", description = "Status, history and audit of agreements")
public class DossierController {

    static final DownloadFormats.Format PDF = new DownloadFormats.Format("pdf", MediaType.APPLICATION_PDF, true);
    static final DownloadFormats.Format JSON = new DownloadFormats.Format("json", MediaType.APPLICATION_JSON, false);

    private final Dossiers dossiers;
    private final ObjectProvider<DossierRenderer> renderer;
    private final JsonMapper json;
    private final java.time.Clock clock;
    private final ProjectionStates states;

    private final HeavyExtracts heavy;
    private final ExtractJobs jobs;
    private final DistributionSummary abandoned;

    private static final Logger log = LoggerFactory.getLogger(DossierController.class);

    DossierController(
            Dossiers dossiers,
            ObjectProvider<DossierRenderer> renderer,
            JsonMapper json,
            java.time.Clock clock,
            ProjectionStates states,
            HeavyExtracts heavy,
            ExtractJobs jobs,
            MeterRegistry meters) {
        this.abandoned = DistributionSummary.builder("coop.extracts.abandoned")
                .description("Dossier PDFs stopped because their client had gone: how far each had come (0 to 1)")
                .register(meters);
        this.heavy = heavy;
        this.jobs = jobs;
        this.states = states;
        this.dossiers = dossiers;
        this.renderer = renderer;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/{agreementId}/dossier")
    @Operation(
            summary = "The audit dossier of an agreement (auditors)",
            description = "format=pdf (PDF/A-2b, fonts embedded) or json; without format, the Accept header chooses"
                    + " (a browser's text/html gets the PDF, no Accept header JSON). Both hold the agreement (titles in"
                    + " every language, kind, binding, term, parties), its state, every signature, board decision"
                    + " (with its appeal window and the day it became legally final), amendment and meeting, the"
                    + " history in words (lang=sv|da|en), documents with SHA-256, links both ways, the verification of"
                    + " the hash chain (intact or where it breaks, number of events, head hash), and when and by whom"
                    + " it was extracted. The JSON also holds every stored event with its payload and metadata bytes"
                    + " verbatim (base64) and its timestamp exactly as stored, so the chain can be recomputed outside"
                    + " Coop. asOf/validOn as on the status read; the verification and events are of the stream as"
                    + " stored now. Coop-Rebuilding: true while the status or history read model is being rebuilt."
                    + " The PDF is rendered in parts of bounded memory and sent as it is made (its header at once,"
                    + " then a byte of its opening comment after each part), so a client that has gone stops it; one"
                    + " too large to answer within coop.extracts.answer-within (judged by its parts), or asked for"
                    + " with Prefer: respond-async, is made in the background: 202 with a Location"
                    + " (/api/v1/extracts/{jobId}) that shows its progress and, when done, its file.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        content = {
                            @Content(
                                    mediaType = "application/pdf",
                                    schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "application/json", schema = @Schema(implementation = Dossier.class))
                        }),
                @ApiResponse(
                        responseCode = "202",
                        description = "The PDF is made in the background",
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = ExtractJob.class)))
            })
    public void dossier(
            @PathVariable String agreementId,
            @Parameter(description = "pdf or json") @RequestParam(required = false) String format,
            @Parameter(description = "ISO-8601 instant with offset") @RequestParam(required = false)
                    OffsetDateTime asOf,
            @RequestParam(required = false) LocalDate validOn,
            @RequestParam(defaultValue = "sv") String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(description = "respond-async: make the PDF in the background (202) whatever its size")
                    @RequestHeader(name = "Prefer", required = false)
                    String prefer,
            Principal user,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ExtractJob job = answer(agreementId, format, asOf, validOn, lang, accept, prefer, user, request, response);
        if (job != null) {
            ExtractJobController.accepted(job, response, json);
        }
    }

    /**
     * Answers with the dossier; or, for a PDF too large to answer in {@code coop.extracts.answer-within} (or asked for
     * with {@code Prefer: respond-async}), starts it in the background and returns its job, having answered nothing.
     */
    public ExtractJob answer(
            String agreementId,
            String format,
            OffsetDateTime asOf,
            LocalDate validOn,
            String lang,
            String accept,
            String prefer,
            Principal user,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        DownloadFormats.Format chosen = DownloadFormats.choose(format, accept, List.of(JSON, PDF));
        DossierRenderer pdf = renderer.getIfAvailable();
        if (chosen == PDF && pdf == null) {
            throw new CoopProblem(ErrorCode.NOT_ACCEPTABLE, "This node renders no PDF; ask for format=json.");
        }
        // a bounded number at a time, per node and per user (HeavyExtracts), the dossier read within its turn: the rest
        // wait their turn or get 429. The answer is not closed by the writer: it ends when the request is done, after
        // its turn has ended, so a client asking again at once finds the turn free
        String reader = user == null ? "unknown" : user.getName();
        HeavyExtracts.Turn turn = heavy.take(reader, "dossier");
        boolean handedOver = false;
        try {
            Dossier dossier = read(agreementId, asOf, validOn, lang, user);
            if (states.rebuilding(StatusProjection.NAME) || states.rebuilding(HistoryProjection.NAME)) {
                response.setHeader(AgreementQueryController.REBUILDING, "true");
            }
            String name = "dossier-" + dossier.agreementId() + "." + chosen.name();
            boolean background = chosen == PDF && jobs.inBackground(prefer, pdf.rows(dossier), 0);
            if (!background) {
                response.setHeader(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name).build().toString());
            }
            if (DownloadFormats.headOnly(request)) {
                // what GET would answer: the file's type, or 202 for one made in the background
                if (background) {
                    response.setStatus(HttpServletResponse.SC_ACCEPTED);
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                } else {
                    response.setContentType(chosen.mediaType().toString());
                }
                return null;
            }
            if (background) {
                ExtractJob job = jobs.start(
                        turn,
                        "DOSSIER_PDF",
                        AgreementId.of(dossier.agreementId()),
                        reader,
                        name,
                        MediaType.APPLICATION_PDF,
                        pdf.parts(dossier),
                        (out, progress) -> pdf.pdf(dossier, out, progress));
                handedOver = true;
                return job;
            }
            if (chosen == PDF) {
                response.setContentType(MediaType.APPLICATION_PDF_VALUE);
                whileMade(pdf, dossier, response);
            } else {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(StreamUtils.nonClosing(response.getOutputStream()), dossier);
            }
            return null;
        } finally {
            if (!handedOver) {
                turn.close();
            }
        }
    }

    /**
     * Renders the PDF to a temporary file, part by part, while the answer tests the connection after each part
     * ({@link PdfWhileMade}): a client that has gone makes the next write fail, and the render stops there.
     */
    private void whileMade(DossierRenderer pdf, Dossier dossier, HttpServletResponse response) throws IOException {
        Path file = ExtractFiles.create("dossier-", ".pdf");
        int[] parts = {0, pdf.parts(dossier)};
        try {
            PdfWhileMade answer = new PdfWhileMade(response.getOutputStream());
            answer.beat();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                pdf.pdf(dossier, out, (done, total) -> {
                    parts[0] = done;
                    parts[1] = total;
                    answer.beat();
                });
            }
            answer.finish(file);
        } catch (IOException gone) {
            // the client has gone (a write failed): the render stopped at the part it had come to
            abandoned.record((double) parts[0] / parts[1]);
            log.info(
                    "Dossier of {} stopped after {} of {} parts: its client has gone",
                    dossier.agreementId(),
                    parts[0],
                    parts[1]);
            throw gone;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    Dossier read(String agreementId, OffsetDateTime asOf, LocalDate validOn, String lang, Principal user) {
        ReadParameters.lang(lang);
        ReadParameters.past(asOf, validOn, clock);
        AgreementId id = ReadParameters.agreementId(agreementId);
        return dossiers.of(
                id, asOf == null ? null : asOf.toInstant(), validOn, lang, user == null ? null : user.getName());
    }
}
