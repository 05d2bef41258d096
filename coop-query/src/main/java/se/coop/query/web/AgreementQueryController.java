package se.coop.query.web;

import static se.coop.query.web.ReadParameters.blank;
import static se.coop.query.web.ReadParameters.parties;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.AgreementId;
import se.coop.api.AgreementState;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.query.AgreementCounts;
import se.coop.api.query.AgreementDocuments;
import se.coop.api.query.AgreementHistory;
import se.coop.api.query.AgreementPage;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.CountAgreements;
import se.coop.api.query.FindAgreementDocuments;
import se.coop.api.query.FindAgreementStatus;
import se.coop.api.query.FindHistory;
import se.coop.api.query.FindLinksTo;
import se.coop.api.query.LinksTo;
import se.coop.api.query.ListAgreements;
import se.coop.query.QueryNode;
import se.coop.query.audit.ChainVerification;
import se.coop.query.audit.ChainVerifier;
import se.coop.query.audit.EventLog;
import se.coop.query.history.HistoryProjection;
import se.coop.query.readmodel.ProjectionStates;
import se.coop.query.status.StatusProjection;

/** Reads of agreements: the list, the status (now, asOf, validOn), the history, the raw events and their verification. */
@QueryNode
@RestController
@RequestMapping(path = "/api/v1/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Agreements", description = "Status, history and audit of agreements")
public class AgreementQueryController {

    /** Says an answer comes from a read model being rebuilt (it may be incomplete). */
    public static final String REBUILDING = "Coop-Rebuilding";

    static final String AS_OF = "Coop-As-Of";
    static final String VALID_ON = "Coop-Valid-On";

    private final QuerySender queries;
    private final ProjectionStates states;
    private final EventLog eventLog;
    private final ChainVerifier verifier;
    private final Clock clock;

    AgreementQueryController(
            QuerySender queries, ProjectionStates states, EventLog eventLog, ChainVerifier verifier, Clock clock) {
        this.queries = queries;
        this.states = states;
        this.eventLog = eventLog;
        this.verifier = verifier;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            operationId = "listAgreements",
            summary = "A page of agreements, newest first",
            description = "Filters: state; party (a party id); country (ISO code); focusArea (a focus area code);"
                    + " q (free text in the titles, every language, and the parties' names); owing (party ids"
                    + " separated by commas): only agreements where one of them still owes a decision, a signature or"
                    + " an amendment's approval. page from 0, size 1–100."
                    + " totalElements is exact up to 10,000 matches; beyond that it is 10,000, a lower bound, and"
                    + " totalExact is false. (The page once counted every match and had no totalExact: a filter"
                    + " matching most of a register of 100,000 agreements spent its time counting.)")
    public ResponseEntity<AgreementPage> list(
            @RequestParam(required = false) AgreementState state,
            @RequestParam(required = false) String party,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String focusArea,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String owing) {
        if (page < 0) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "page must be 0 or more", "page");
        }
        if (size < 1 || size > 100) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "size must be from 1 to 100", "size");
        }
        AgreementPage answer = queries.one(
                new ListAgreements(
                        state, blank(party), blank(country), blank(focusArea), blank(q), page, size, parties(owing)),
                AgreementPage.class);
        return withRebuilding(StatusProjection.NAME).body(answer);
    }

    @GetMapping("/counts")
    @Operation(
            summary = "How many agreements are in each state",
            description =
                    "Under the list's other filters: party, country, focusArea, q, owing. Every state is named, zero"
                            + " included; total is their sum. One query, where a count per state would be one list per state.")
    public ResponseEntity<AgreementCounts> counts(
            @RequestParam(required = false) String party,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String focusArea,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String owing) {
        AgreementCounts counts = queries.one(
                new CountAgreements(blank(party), blank(country), blank(focusArea), blank(q), parties(owing)),
                AgreementCounts.class);
        return withRebuilding(StatusProjection.NAME).body(counts);
    }

    @GetMapping("/{agreementId}")
    @Operation(
            summary = "The status of an agreement",
            description = "ETag is its version. asOf (an instant): the state as Coop had recorded it then; validOn"
                    + " (a date): the state on that date by the decisions' own dates, every drafting and text version"
                    + " included, up to today. Both for auditors only; such an answer shows a past state, so it carries no ETag"
                    + " (If-Match needs the current version) but Coop-As-Of or Coop-Valid-On saying what it shows.")
    public ResponseEntity<AgreementStatusView> status(
            @PathVariable String agreementId,
            @Parameter(description = "ISO-8601 instant with offset") @RequestParam(required = false)
                    OffsetDateTime asOf,
            @RequestParam(required = false) LocalDate validOn,
            HttpServletRequest request) {
        if ((asOf != null || validOn != null) && !request.isUserInRole("AUDITOR")) {
            throw new CoopProblem(ErrorCode.FORBIDDEN, "Only an auditor may read an agreement asOf or validOn a date.");
        }
        ReadParameters.past(asOf, validOn, clock);
        AgreementId id = agreementId(agreementId);
        Instant at = asOf == null ? null : asOf.toInstant();
        AgreementStatusView view = queries.found(
                new FindAgreementStatus(id, at, validOn), AgreementStatusView.class, notFound(agreementId));
        if (asOf != null) {
            return ResponseEntity.ok().header(AS_OF, at.toString()).body(view);
        }
        if (validOn != null) {
            return ResponseEntity.ok().header(VALID_ON, validOn.toString()).body(view);
        }
        return withRebuilding(StatusProjection.NAME)
                .eTag("\"" + view.version() + "\"")
                .body(view);
    }

    @GetMapping("/{agreementId}/documents")
    @Operation(
            operationId = "agreementDocuments",
            summary = "Every document the agreement names, and whether Coop holds it",
            description = "Its text versions, the documents attached to it, and those its signatures, board decisions"
                    + " and meetings rest on: once per SHA-256, oldest first, each with its kinds, the description"
                    + " the agreement gives it, the acts naming it (namedBy), held, and what the store keeps of it"
                    + " (stored: size, detected media type, file name, PDF/A, uploaded by and when, culled). textHeld"
                    + " says whether Coop holds the agreement's own text (textSha256: the version in force, or the"
                    + " latest before entry into force). asOf and validOn as on the status, for auditors only."
                    + " Whether a document is held is the store's fact at the time of asking.")
    public ResponseEntity<AgreementDocuments> documents(
            @PathVariable String agreementId,
            @Parameter(description = "ISO-8601 instant with offset") @RequestParam(required = false)
                    OffsetDateTime asOf,
            @RequestParam(required = false) LocalDate validOn,
            HttpServletRequest request) {
        if ((asOf != null || validOn != null) && !request.isUserInRole("AUDITOR")) {
            throw new CoopProblem(ErrorCode.FORBIDDEN, "Only an auditor may read an agreement asOf or validOn a date.");
        }
        ReadParameters.past(asOf, validOn, clock);
        AgreementDocuments documents = queries.found(
                new FindAgreementDocuments(agreementId(agreementId), asOf == null ? null : asOf.toInstant(), validOn),
                AgreementDocuments.class,
                notFound(agreementId));
        return ResponseEntity.ok().body(documents);
    }

    @GetMapping("/{agreementId}/history")
    @Operation(summary = "Every decision in order, in plain words (lang=sv, the default, da or en)")
    public ResponseEntity<AgreementHistory> history(
            @PathVariable String agreementId, @RequestParam(defaultValue = "sv") String lang) {
        ReadParameters.lang(lang);
        AgreementHistory history = queries.found(
                new FindHistory(agreementId(agreementId), lang), AgreementHistory.class, notFound(agreementId));
        return withRebuilding(HistoryProjection.NAME).body(history);
    }

    @GetMapping("/{agreementId}/links")
    @Operation(
            summary = "The agreements that link to this one",
            description = "Its parts (PART_OF), successors (SUCCEEDS) and annexes (ANNEX_TO): each link as the other"
                    + " agreement holds it, with that agreement's id and title. The links this agreement holds are in"
                    + " its status.")
    public ResponseEntity<LinksTo> linksTo(@PathVariable String agreementId) {
        AgreementId id = agreementId(agreementId);
        queries.found(new FindAgreementStatus(id, null, null), AgreementStatusView.class, notFound(agreementId));
        return withRebuilding(StatusProjection.NAME).body(queries.one(new FindLinksTo(id), LinksTo.class));
    }

    @GetMapping("/{agreementId}/events")
    @Operation(summary = "The raw event stream with its metadata, exactly as stored (auditors)")
    public EventLog.Stream events(@PathVariable String agreementId) {
        EventLog.Stream stream = eventLog.read(agreementId(agreementId).toString());
        if (stream.events().isEmpty()) {
            throw new CoopProblem(ErrorCode.AGREEMENT_NOT_FOUND, notFound(agreementId));
        }
        return stream;
    }

    @GetMapping("/{agreementId}/verification")
    @Operation(
            summary = "Recomputes the hash chain (auditors)",
            description = "intact, the number of events, brokenAt (the first sequence whose hash does not match, or"
                    + " null) and headHash: keep events and headHash to detect a truncated stream later.")
    public ChainVerification verification(@PathVariable String agreementId) {
        ChainVerification verification =
                verifier.verify(agreementId(agreementId).toString());
        if (verification.events() == 0) {
            throw new CoopProblem(ErrorCode.AGREEMENT_NOT_FOUND, notFound(agreementId));
        }
        return verification;
    }

    private ResponseEntity.BodyBuilder withRebuilding(String readModel) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (states.rebuilding(readModel)) {
            answer.header(REBUILDING, "true");
        }
        return answer;
    }

    private static AgreementId agreementId(String value) {
        return ReadParameters.agreementId(value);
    }

    private static String notFound(String agreementId) {
        return ReadParameters.notFound(agreementId);
    }
}
