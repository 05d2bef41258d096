package se.coop.query.open;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.query.Allowances;
import se.coop.query.QueryNode;
import se.coop.query.reminders.PublicAddress;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open register (docs/open-data.md): anonymous, read-only, served from what {@link OpenRegister} built (for
 * {@code coop.open-data.cache-for}, with that as the answers' {@code max-age} and an ETag), at most
 * {@code coop.open-data.requests-per-minute} requests a minute from one address (then 429 with Retry-After). Off unless
 * {@code coop.open-data.enabled=true}: every address here is then 404.
 */
@QueryNode
@RestController
@Tag(name = "Open data", description = "The public register as open data, and its DCAT catalogue (no sign-in)")
public class OpenDataController {

    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");
    static final MediaType TURTLE = MediaType.parseMediaType("text/turtle");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final OpenRegister register;
    private final OpenDataSettings settings;
    private final PublicAddress address;
    private final Allowances allowances;
    private final JsonMapper json = JsonMapper.builder().build();

    OpenDataController(OpenRegister register, OpenDataSettings settings, PublicAddress address, Clock clock) {
        this.register = register;
        this.settings = settings;
        this.address = address;
        if (settings.enabled() && !settings.recommendedLeftOut().isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(OpenDataController.class)
                    .warn(
                            "The open register's catalogue leaves out what DCAT-AP-SE recommends: {}",
                            settings.recommendedLeftOut());
        }
        this.allowances = new Allowances(
                settings.requestsPerMinute(), Duration.ofMinutes(1).dividedBy(settings.requestsPerMinute()), clock);
    }

    @GetMapping(path = "/open/", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(operationId = "openDataHome", summary = "The open register's landing page: what it holds and where")
    public ResponseEntity<byte[]> home(HttpServletRequest request, HttpServletResponse response) {
        String base = admit(request);
        OpenRegister.Snapshot snapshot = register.snapshot();
        return answer(
                snapshot,
                MediaType.parseMediaType("text/html;charset=UTF-8"),
                request,
                response,
                OpenRegister.Form.of(page(base, snapshot)));
    }

    @GetMapping(
            path = "/open/agreements",
            produces = {"application/ld+json", "application/json", "text/csv"})
    @Operation(
            operationId = "openAgreements",
            summary = "Every agreement past drafting, as JSON-LD (or CSV when asked for text/csv)",
            description = "Organisations only: no signatory, reviewer or contact. Each agreement's @id is its stable"
                    + " URI, /open/agreements/{id}.")
    public ResponseEntity<byte[]> agreements(
            HttpServletRequest request,
            HttpServletResponse response,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String base = admit(request);
        OpenRegister.Forms forms = register.forms(base);
        return CSV.equals(chosen(accept, List.of(JSON_LD, CSV)))
                ? answer(forms.snapshot(), csvType(), request, response, forms.csv())
                : answer(forms.snapshot(), JSON_LD, request, response, forms.jsonLd());
    }

    @GetMapping(path = "/open/agreements.csv", produces = "text/csv")
    @Operation(operationId = "openAgreementsCsv", summary = "Every agreement past drafting, one row each (CSV)")
    public ResponseEntity<byte[]> agreementsCsv(HttpServletRequest request, HttpServletResponse response) {
        OpenRegister.Forms forms = register.forms(admit(request));
        return answer(forms.snapshot(), csvType(), request, response, forms.csv());
    }

    @GetMapping(path = "/open/decisions.csv", produces = "text/csv")
    @Operation(
            operationId = "openDecisionsCsv",
            summary = "Every board decision on those agreements, one row each (CSV)")
    public ResponseEntity<byte[]> decisionsCsv(HttpServletRequest request, HttpServletResponse response) {
        OpenRegister.Forms forms = register.forms(admit(request));
        return answer(forms.snapshot(), csvType(), request, response, forms.decisionsCsv());
    }

    @GetMapping(
            path = "/open/agreements/{agreementId}",
            produces = {"application/ld+json", "application/json"})
    @Operation(
            operationId = "openAgreement",
            summary = "One agreement of the open register, at its stable URI (JSON-LD)")
    public ResponseEntity<byte[]> agreement(
            HttpServletRequest request,
            HttpServletResponse response,
            @Parameter(description = "the agreement's id") @PathVariable String agreementId) {
        String base = admit(request);
        OpenRegister.Snapshot snapshot = register.snapshot();
        byte[] document = register.jsonLd(base, snapshot, agreementId.toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new CoopProblem(
                        ErrorCode.AGREEMENT_NOT_FOUND, "The open register holds no agreement with that id."));
        return answer(snapshot, JSON_LD, request, response, OpenRegister.Form.of(document));
    }

    @GetMapping(
            path = {"/open/catalog", "/open/catalog.ttl", "/open/catalog.jsonld"},
            produces = {"text/turtle", "application/ld+json", "application/json"})
    @Operation(
            operationId = "openCatalog",
            summary = "The DCAT catalogue (DCAT-AP-SE 3.0.1): Turtle, or JSON-LD when asked for application/ld+json",
            description = "/open/catalog.ttl and /open/catalog.jsonld name the form in the address.")
    public ResponseEntity<byte[]> catalog(
            HttpServletRequest request,
            HttpServletResponse response,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String base = admit(request);
        OpenRegister.Snapshot snapshot = register.snapshot();
        Rdf catalog = OpenCatalog.of(base, snapshot, settings);
        return rdf(snapshot, catalog, request, response, accept);
    }

    @GetMapping(
            path = "/open/terms",
            produces = {"text/turtle", "application/ld+json"})
    @Operation(operationId = "openTerms", summary = "Coop's terms in the register's JSON-LD, as an RDF vocabulary")
    public ResponseEntity<byte[]> terms(
            HttpServletRequest request,
            HttpServletResponse response,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String base = admit(request);
        return rdf(register.snapshot(), OpenTerms.vocabulary(base), request, response, accept);
    }

    private ResponseEntity<byte[]> rdf(
            OpenRegister.Snapshot snapshot,
            Rdf rdf,
            HttpServletRequest request,
            HttpServletResponse response,
            String accept) {
        String uri = request.getRequestURI();
        boolean jsonLd = uri.endsWith(".jsonld")
                || (!uri.endsWith(".ttl") && JSON_LD.equals(chosen(accept, List.of(TURTLE, JSON_LD))));
        return jsonLd
                ? answer(
                        snapshot,
                        JSON_LD,
                        request,
                        response,
                        OpenRegister.Form.of(json.writeValueAsBytes(rdf.jsonLd())))
                : answer(
                        snapshot,
                        MediaType.parseMediaType("text/turtle;charset=UTF-8"),
                        request,
                        response,
                        OpenRegister.Form.of(rdf.turtle().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Of {@code offered} (the first the default), the one {@code accept} prefers: each offer weighed by the quality of
     * the most specific range that matches it (RFC 9110 §12.5.1; {@code application/json} counts for JSON-LD), the
     * highest weight chosen, the earlier offer on a tie; the default when nothing is asked for or nothing weighs.
     */
    static MediaType chosen(String accept, List<MediaType> offered) {
        if (accept == null || accept.isBlank()) {
            return offered.get(0);
        }
        List<MediaType> ranges;
        try {
            ranges = MediaType.parseMediaTypes(accept);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return offered.get(0);
        }
        MediaType best = offered.get(0);
        double bestQuality = -1;
        for (MediaType offer : offered) {
            double quality = quality(offer, ranges);
            if (quality > bestQuality) {
                best = offer;
                bestQuality = quality;
            }
        }
        return bestQuality > 0 ? best : offered.get(0);
    }

    private static double quality(MediaType offer, List<MediaType> ranges) {
        int specificity = -1;
        double quality = 0;
        for (MediaType range : ranges) {
            MediaType asked =
                    range.equalsTypeAndSubtype(MediaType.APPLICATION_JSON) && offer.equals(JSON_LD) ? JSON_LD : range;
            if (!asked.includes(offer)) {
                continue;
            }
            int specific = asked.isWildcardType() ? 0 : asked.isWildcardSubtype() ? 1 : 2;
            if (specific > specificity) {
                specificity = specific;
                quality = range.getQualityValue();
            }
        }
        return quality;
    }

    private static MediaType csvType() {
        return MediaType.parseMediaType("text/csv;charset=UTF-8;header=present");
    }

    /** The address URIs begin with, once the register is on and the asker within its allowance. */
    private String admit(HttpServletRequest request) {
        if (!settings.enabled()) {
            throw new CoopProblem(ErrorCode.NOT_FOUND, "The open register is not published here.");
        }
        long wait = allowances.take(request.getRemoteAddr());
        if (wait > 0) {
            throw new CoopProblem(
                    ErrorCode.TOO_MANY_REQUESTS,
                    "At most " + settings.requestsPerMinute() + " requests a minute from one address; ask again in "
                            + wait + " s.",
                    null,
                    wait);
        }
        return address.base(request);
    }

    /**
     * An answer of one form: 304 when the reader has it (its entity tag, a digest of its bytes, or any), else the
     * bytes; cacheable by anyone, from anywhere.
     */
    private ResponseEntity<byte[]> answer(
            OpenRegister.Snapshot snapshot,
            MediaType type,
            HttpServletRequest request,
            HttpServletResponse response,
            OpenRegister.Form form) {
        // the security headers written before the request was handled say "no-cache" the HTTP/1.0 way too
        response.setHeader(HttpHeaders.PRAGMA, null);
        response.setHeader(HttpHeaders.EXPIRES, null);
        String asked = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        boolean has = asked != null
                && java.util.Arrays.stream(asked.split(","))
                        .map(String::strip)
                        .anyMatch(tag -> tag.equals("*") || tag.equals(form.etag()) || tag.equals("W/" + form.etag()));
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(has ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .cacheControl(CacheControl.maxAge(settings.cacheFor()).cachePublic())
                .eTag(form.etag())
                .lastModified(snapshot.modified())
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (has) {
            return builder.build();
        }
        return builder.contentType(type).body(form.bytes());
    }

    private static byte[] page(String base, OpenRegister.Snapshot snapshot) {
        String b = HtmlUtils.htmlEscape(base);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Samverkansavtal – öppna data</title>\n")
                .append("<link rel=\"stylesheet\" href=\"")
                .append(b)
                .append("/css/coop.css\">\n")
                .append("<link rel=\"alternate\" type=\"text/turtle\" href=\"")
                .append(b)
                .append("/open/catalog\">\n")
                .append("<link rel=\"alternate\" type=\"application/ld+json\" href=\"")
                .append(b)
                .append("/open/catalog.jsonld\">\n</head>\n<body>\n<main id=\"main\">\n")
                .append("<h1>Samverkansavtal – öppna data</h1>\n")
                .append("<p>")
                .append(snapshot.agreements().size())
                .append(
                        " avtal som lämnat utkaststadiet: parter (organisationer), läge, varje beslut med organ,"
                                + " diarienummer och dag, och nästa uppföljning. Inga personuppgifter. Fri att använda (CC0).</p>\n")
                .append("<p lang=\"en\">")
                .append(snapshot.agreements().size())
                .append(" agreements past drafting: parties (organisations), state, each board decision with body, case"
                        + " number and date, and the next review. No personal data. Free to use (CC0).</p>\n<ul>\n");
        for (Map.Entry<String, String> link : List.of(
                Map.entry("/open/agreements", "Avtalen som JSON-LD / the agreements as JSON-LD"),
                Map.entry("/open/agreements.csv", "Avtalen som CSV / the agreements as CSV"),
                Map.entry("/open/decisions.csv", "Besluten som CSV / the decisions as CSV"),
                Map.entry("/open/catalog", "DCAT-katalogen (Turtle) / the DCAT catalogue (Turtle)"),
                Map.entry("/open/catalog.jsonld", "DCAT-katalogen (JSON-LD) / the DCAT catalogue (JSON-LD)"),
                Map.entry("/open/terms", "Termerna / the terms"))) {
            html.append("<li><a href=\"")
                    .append(b)
                    .append(link.getKey())
                    .append("\">")
                    .append(HtmlUtils.htmlEscape(link.getValue()))
                    .append("</a></li>\n");
        }
        html.append("</ul>\n</main>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }
}
