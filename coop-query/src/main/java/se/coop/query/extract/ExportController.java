package se.coop.query.extract;

import static se.coop.query.web.ReadParameters.blank;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.AgreementState;
import se.coop.api.BusinessTime;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.query.ListAgreements;
import se.coop.query.QueryNode;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.status.StatusProjection;
import se.coop.query.status.StatusQueries;
import se.coop.query.web.AgreementQueryController;
import se.coop.query.web.ReadParameters;

/** The register as a table: every agreement the list's filters match, as CSV or Excel, streamed. */
@QueryNode
@RestController
@RequestMapping("/api/v1/agreements")
@Tag(name = "Agreements", description = "Status, history and audit of agreements")
public class ExportController {

    private final ObjectProvider<RegisterWords> words;

    static final DownloadFormats.Format CSV = new DownloadFormats.Format("csv", new MediaType("text", "csv"), false);
    static final DownloadFormats.Format XLSX = new DownloadFormats.Format(
            "xlsx",
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            true);

    private final StatusQueries status;
    private final ProjectionStates states;
    private final Clock clock;

    private final HeavyExtracts heavy;

    ExportController(
            StatusQueries status,
            ProjectionStates states,
            Clock clock,
            ObjectProvider<RegisterWords> words,
            HeavyExtracts heavy) {
        this.heavy = heavy;
        this.words = words;
        this.status = status;
        this.states = states;
        this.clock = clock;
    }

    @GetMapping("/export")
    @Operation(
            operationId = "exportRegister",
            summary = "The register as CSV or Excel, every matching agreement",
            description =
                    "The list's filters (state, party, country, focusArea, q) and all matching rows, newest first,"
                            + " one row per agreement: agreementId, title.sv, title.da, title.en, kind, state, effectiveFrom,"
                            + " term.endsOn, terminatesOn, endedOn, parties.name, parties.country, parties.lead,"
                            + " focusAreas.code, nextReview.startsAt (local time where the meeting is held), reviewDueOn,"
                            + " overdue, latestDecisionOn (the latest board decision of any party, whatever it decided). Headers are"
                            + " these JSON names and values their codes; columns=words gives people's headers and words"
                            + " (a state 'Gäller', yes/no) in lang=sv|da|en (sv by default), as the pages' downloads do; in"
                            + " Excel, lang alone gives people's headers over the codes. Several values in one"
                            + " cell are joined with ' | '. CSV: RFC 4180, UTF-8 with a byte-order mark, comma-separated,"
                            + " delimiter=semicolon (Excel set up the Swedish way) or delimiter=tab; closed against formulas"
                            + " whatever a spreadsheet splits on (a part that begins = + - @ gets an apostrophe). Excel: typed date cells, a frozen header"
                            + " row with a filter. format=csv|xlsx; without it the Accept header chooses (CSV by default)."
                            + " Streamed: no size limit, nothing held in memory; a filter that matches nothing gives the"
                            + " header only.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = {
                                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                                @Content(
                                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                        schema = @Schema(type = "string", format = "binary"))
                            }))
    public void export(
            @RequestParam(required = false) AgreementState state,
            @RequestParam(required = false) String party,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String focusArea,
            @RequestParam(required = false) String q,
            @Parameter(description = "party ids separated by commas: agreements where one of them still owes something")
                    @RequestParam(required = false)
                    String owing,
            @Parameter(description = "csv or xlsx") @RequestParam(required = false) String format,
            @Parameter(description = "comma (the default), semicolon or tab; CSV only") @RequestParam(required = false)
                    String delimiter,
            @Parameter(description = "sv, da or en: the language of columns=words, and of Excel's headers")
                    @RequestParam(required = false)
                    String lang,
            @Parameter(description = "codes (the default) or words: headers and coded values in people's words")
                    @RequestParam(required = false)
                    String columns,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        DownloadFormats.Format chosen = DownloadFormats.choose(format, accept, List.of(CSV, XLSX));
        char separator = separator(delimiter);
        if (lang != null) {
            ReadParameters.lang(lang);
        }
        boolean inWords = columns(columns);
        ListAgreements filter = new ListAgreements(
                state, blank(party), blank(country), blank(focusArea), blank(q), 0, 1, ReadParameters.parties(owing));
        String name = "coop-register-" + BusinessTime.today(clock) + "." + chosen.name();
        response.setContentType(
                chosen == CSV
                        ? "text/csv; charset=UTF-8; header=present"
                        : chosen.mediaType().toString());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString());
        if (states.rebuilding(StatusProjection.NAME)) {
            response.setHeader(AgreementQueryController.REBUILDING, "true");
        }
        if (DownloadFormats.headOnly(request)) {
            return;
        }
        // a bounded number at a time, per node and per user (HeavyExtracts): the rest wait their turn or get 429
        java.security.Principal user = request.getUserPrincipal();
        HeavyExtracts.Turn turn = heavy.take(user == null ? null : user.getName(), "register export");
        try {
            write(response, chosen, separator, lang, inWords, filter);
        } finally {
            turn.close();
        }
    }

    private void write(
            HttpServletResponse response,
            DownloadFormats.Format chosen,
            char separator,
            String lang,
            boolean inWords,
            ListAgreements filter)
            throws IOException {
        // not closed by the writer: the answer ends when the request is done, after its turn (HeavyExtracts) ended
        OutputStream out = StreamUtils.nonClosing(response.getOutputStream());
        RegisterWords people = words.getIfAvailable();
        String language = lang == null ? "sv" : lang;
        List<RegisterColumns.Column> shown = people != null && (inWords || (chosen == XLSX && lang != null))
                ? RegisterColumns.inWords(people, language, inWords)
                : RegisterColumns.ALL;
        RegisterWriter writer = chosen == CSV
                ? new CsvRegister(out, separator, shown)
                : new XlsxRegister(
                        out,
                        people != null && shown != RegisterColumns.ALL
                                ? people.header("sheet", language)
                                : "Agreements",
                        shown);
        try {
            status.forEach(filter, agreement -> {
                try {
                    writer.row(agreement);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.finish();
    }

    /** Whether the export is in people's words: columns=codes (the default) or words. */
    private static boolean columns(String columns) {
        if (columns == null || columns.equals("codes")) {
            return false;
        }
        if (columns.equals("words")) {
            return true;
        }
        throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "columns must be codes or words", "columns");
    }

    private static char separator(String delimiter) {
        if (blank(delimiter) == null || delimiter.equals("comma")) {
            return ',';
        }
        if (delimiter.equals("semicolon")) {
            return ';';
        }
        if (delimiter.equals("tab")) {
            return '\t';
        }
        throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "delimiter must be comma, semicolon or tab", "delimiter");
    }
}
