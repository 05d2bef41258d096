package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import se.coop.api.AgreementState;
import se.coop.documents.DocumentController;
import se.coop.query.QueryNode;
import se.coop.query.extract.ArchiveController;
import se.coop.query.extract.DossierController;
import se.coop.query.extract.ExportController;
import se.coop.query.extract.ExtractJob;
import se.coop.web.Formats;
import se.coop.web.Permissions;

/**
 * The downloads behind the pages' links, for a signed-in person: the dossier, the archive package, a document and the
 * register as CSV or Excel. Each is the HTTP API's own answer (its controller, its checks and its roles), reached with the
 * page's session instead of the API's credentials.
 */
@QueryNode
@Controller
class DownloadPages {

    private static final String API = "/api/v1/agreements/";

    private final DossierController dossiers;
    private final ArchiveController archive;
    private final ExportController register;
    private final DocumentController documents;
    private final Permissions permissions;

    DownloadPages(
            DossierController dossiers,
            ArchiveController archive,
            ExportController register,
            DocumentController documents,
            Permissions permissions) {
        this.documents = documents;
        this.dossiers = dossiers;
        this.archive = archive;
        this.register = register;
        this.permissions = permissions;
    }

    @GetMapping("/agreements/{agreementId}/dossier")
    void dossier(
            @PathVariable String agreementId,
            @RequestParam(defaultValue = "pdf") String format,
            @RequestParam(required = false) OffsetDateTime asOf,
            @RequestParam(required = false) LocalDate validOn,
            @RequestParam(defaultValue = "sv") String lang,
            Principal user,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        permissions.require("GET", API + agreementId + "/dossier");
        background(
                dossiers.answer(agreementId, format, asOf, validOn, lang, null, null, user, request, response),
                request,
                response);
    }

    /** An extract made in the background: the reader is taken to its page, which follows it to its file. */
    private static void background(ExtractJob job, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (job != null) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/extracts/" + job.jobId());
        }
    }

    /** A document's bytes, as {@code GET /api/v1/documents/{sha256}/content} gives them to this reader. */
    @GetMapping("/documents/{sha256}/content")
    void document(
            @PathVariable String sha256,
            @RequestHeader(name = "Range", required = false) String range,
            @RequestHeader(name = "If-Range", required = false) String ifRange,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        documents.content(sha256, range, ifRange, ifNoneMatch, request, response);
    }

    @GetMapping("/agreements/{agreementId}/archive-package")
    void archivePackage(
            @PathVariable String agreementId, HttpServletRequest request, HttpServletResponse response, Principal user)
            throws IOException {
        permissions.require("GET", API + agreementId + "/archive-package");
        background(archive.answer(agreementId, null, request, response, user), request, response);
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) AgreementState state,
            @RequestParam(required = false) String party,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String focusArea,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String delimiter,
            @RequestParam(required = false) String mine,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        permissions.require("GET", API + "export");
        // a person's download: headers and codes in the words of the page they clicked it on
        register.export(
                state,
                party,
                country,
                focusArea,
                q,
                permissions.owingFilter("true".equals(mine)),
                format,
                delimiter,
                Formats.language(),
                "words",
                null,
                request,
                response);
    }
}
