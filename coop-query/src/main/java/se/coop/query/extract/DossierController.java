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
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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

    DossierController(
            Dossiers dossiers,
            ObjectProvider<DossierRenderer> renderer,
            JsonMapper json,
            java.time.Clock clock,
            ProjectionStates states,
            HeavyExtracts heavy) {
        this.heavy = heavy;
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
                    + " stored now. Coop-Rebuilding: true while the status or history read model is being rebuilt.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = {
                                @Content(
                                        mediaType = "application/pdf",
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = Dossier.class))
                            }))
    public void dossier(
            @PathVariable String agreementId,
            @Parameter(description = "pdf or json") @RequestParam(required = false) String format,
            @Parameter(description = "ISO-8601 instant with offset") @RequestParam(required = false)
                    OffsetDateTime asOf,
            @RequestParam(required = false) LocalDate validOn,
            @RequestParam(defaultValue = "sv") String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            Principal user,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        DownloadFormats.Format chosen = DownloadFormats.choose(format, accept, List.of(JSON, PDF));
        Dossier dossier = read(agreementId, asOf, validOn, lang, user);
        if (states.rebuilding(StatusProjection.NAME) || states.rebuilding(HistoryProjection.NAME)) {
            response.setHeader(AgreementQueryController.REBUILDING, "true");
        }
        String name = "dossier-" + dossier.agreementId() + "." + chosen.name();
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(name).build().toString());
        if (DownloadFormats.headOnly(request)) {
            response.setContentType(chosen.mediaType().toString());
            return;
        }
        DossierRenderer pdf = renderer.getIfAvailable();
        if (chosen == PDF && pdf == null) {
            throw new CoopProblem(ErrorCode.NOT_ACCEPTABLE, "This node renders no PDF; ask for format=json.");
        }
        // a bounded number at a time, per node and per user (HeavyExtracts): the rest wait their turn or get 429. The
        // answer is not closed by the writer: it ends when the request is done, after its turn has ended, so a client
        // asking again at once finds the turn free
        HeavyExtracts.Turn turn = heavy.take(user == null ? null : user.getName(), "dossier");
        try {
            if (chosen == PDF) {
                response.setContentType(MediaType.APPLICATION_PDF_VALUE);
                pdf.pdf(dossier, StreamUtils.nonClosing(response.getOutputStream()));
            } else {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(StreamUtils.nonClosing(response.getOutputStream()), dossier);
            }
        } finally {
            turn.close();
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
