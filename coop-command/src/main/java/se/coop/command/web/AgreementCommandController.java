package se.coop.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.AgreementId;
import se.coop.api.AmendmentId;
import se.coop.api.DecisionId;
import se.coop.api.DocumentId;
import se.coop.api.PartyId;
import se.coop.api.ReviewId;
import se.coop.api.command.AbandonDraft;
import se.coop.api.command.ArchiveAgreement;
import se.coop.api.command.RemoveParty;
import se.coop.api.command.SubmitForAdoption;
import se.coop.api.input.EmptyBody;
import se.coop.command.CommandNode;
import se.coop.command.web.CommandSender.Request;
import se.coop.command.web.request.AdoptByBoardRequest;
import se.coop.command.web.request.AttachDocumentRequest;
import se.coop.command.web.request.CancelReviewRequest;
import se.coop.command.web.request.DraftIntentRequest;
import se.coop.command.web.request.GiveNoticeRequest;
import se.coop.command.web.request.LinkAgreementRequest;
import se.coop.command.web.request.ProposeAmendmentRequest;
import se.coop.command.web.request.ReasonRequest;
import se.coop.command.web.request.RecordAppealRequest;
import se.coop.command.web.request.RecordReviewOutcomeRequest;
import se.coop.command.web.request.RescheduleReviewRequest;
import se.coop.command.web.request.ReviewRequest;
import se.coop.command.web.request.ReviseDraftRequest;
import se.coop.command.web.request.SignAgreementRequest;
import se.coop.command.web.request.TerminateAgreementRequest;
import tools.jackson.databind.ObjectMapper;

/**
 * Every command of docs/api.md, one endpoint each: the request body becomes a coop-api command, which
 * {@link CommandSender} sends and {@link CommandGuard} guards in its unit of work; what the endpoints share is in
 * {@link #run}.
 */
@CommandNode
@RestController
@RequestMapping(path = "/api/v1/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands", description = "What a secretariat does to an agreement (role SECRETARIAT)")
public class AgreementCommandController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final CommandSender sender;
    private final ObjectMapper json;

    AgreementCommandController(CommandSender sender, ObjectMapper json) {
        this.sender = sender;
        this.json = json;
    }

    @PostMapping(consumes = JSON)
    @Operation(
            summary = "DraftIntent: start an agreement as a draft",
            description = "201 with Location of the agreement")
    public ResponseEntity<CommandResponse> draftIntent(
            @Parameter(hidden = true) CommandContext context, @Valid @RequestBody DraftIntentRequest body) {
        AgreementId id = AgreementId.random();
        return run(context, body, Request.on(id, body.toCommand(id)).creatingUnder("/api/v1/agreements/"));
    }

    @PostMapping(path = "/{agreementId}/revisions", consumes = JSON)
    @Operation(summary = "ReviseDraft: a new text version, or corrected title, focus areas or term")
    public ResponseEntity<CommandResponse> reviseDraft(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @Valid @RequestBody ReviseDraftRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(context, body, Request.on(id, body.toCommand(id)));
    }

    @PostMapping(path = "/{agreementId}/submission")
    @Operation(summary = "SubmitForAdoption: freeze the current text version and ask the parties to approve it")
    public ResponseEntity<CommandResponse> submitForAdoption(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @RequestBody(required = false) EmptyBody body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(context, new EmptyBody(), Request.on(id, new SubmitForAdoption(id)));
    }

    @PostMapping(path = "/{agreementId}/signatures", consumes = JSON)
    @Operation(
            summary = "SignAgreement: a party signs the text version named by its SHA-256",
            description = "Naming an amendment's textSha256 approves the amendment.")
    public ResponseEntity<CommandResponse> signAgreement(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @Valid @RequestBody SignAgreementRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(context, body, Request.on(id, body.toCommand(id)).actingFor(body.partyId()));
    }

    @PostMapping(path = "/{agreementId}/board-decisions", consumes = JSON)
    @Operation(
            summary = "AdoptByBoard: record a board decision, whatever its outcome",
            description = "201 with Location of the decision. Naming an amendment's textSha256 decides on the"
                    + " amendment.")
    public ResponseEntity<CommandResponse> adoptByBoard(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @Valid @RequestBody AdoptByBoardRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(
                context,
                body,
                Request.on(id, body.toCommand(id, DecisionId.random()))
                        .actingFor(body.partyId())
                        .creatingUnder("/api/v1/agreements/" + id + "/board-decisions/"));
    }

    @PostMapping(path = "/{agreementId}/board-decisions/{decisionId}/appeal", consumes = JSON)
    @Operation(summary = "RecordAppeal: an appeal against a Swedish board decision is lodged, dismissed or annuls it")
    public ResponseEntity<CommandResponse> recordAppeal(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @PathVariable String decisionId,
            @Valid @RequestBody RecordAppealRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(context, body, Request.on(id, body.toCommand(id, PathIds.decision(decisionId))));
    }

    @PostMapping(path = "/{agreementId}/reviews", consumes = JSON)
    @Operation(
            summary = "ScheduleAnnualReview (future startsAt) or RecordHeldReview (past heldOn with outcome)",
            description = "201 with Location of the meeting")
    public ResponseEntity<CommandResponse> review(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @Valid @RequestBody ReviewRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(
                context,
                body,
                Request.on(id, body.toCommand(id, ReviewId.random()))
                        .creatingUnder("/api/v1/agreements/" + id + "/reviews/"));
    }

    @PostMapping(path = "/{agreementId}/reviews/{reviewId}/reschedule", consumes = JSON)
    @Operation(summary = "RescheduleReview: move a scheduled meeting")
    public ResponseEntity<CommandResponse> rescheduleReview(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @PathVariable String reviewId,
            @Valid @RequestBody RescheduleReviewRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(context, body, Request.on(id, body.toCommand(id, PathIds.review(reviewId))));
    }

    @PostMapping(path = "/{agreementId}/reviews/{reviewId}/cancellation", consumes = JSON)
    @Operation(summary = "CancelReview: cancel a scheduled meeting")
    public ResponseEntity<CommandResponse> cancelReview(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @PathVariable String reviewId,
            @Valid @RequestBody CancelReviewRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(context, body, Request.on(id, body.toCommand(id, PathIds.review(reviewId))));
    }

    @PostMapping(path = "/{agreementId}/reviews/{reviewId}/outcome", consumes = JSON)
    @Operation(summary = "RecordReviewOutcome: a scheduled meeting was held; record what it decided")
    public ResponseEntity<CommandResponse> recordReviewOutcome(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @PathVariable String reviewId,
            @Valid @RequestBody RecordReviewOutcomeRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(context, body, Request.on(id, body.toCommand(id, PathIds.review(reviewId))));
    }

    @PostMapping(path = "/{agreementId}/amendments", consumes = JSON)
    @Operation(
            summary = "ProposeAmendment: a new text version for an agreement in force",
            description = "201 with Location of the amendment. The old version stays in force until every party has"
                    + " approved the new one, by signatures and board decisions naming its textSha256.")
    public ResponseEntity<CommandResponse> proposeAmendment(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @Valid @RequestBody ProposeAmendmentRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(
                context,
                body,
                Request.on(id, body.toCommand(id, AmendmentId.random()))
                        .creatingUnder("/api/v1/agreements/" + id + "/amendments/"));
    }

    @PostMapping(path = "/{agreementId}/documents", consumes = JSON)
    @Operation(
            summary = "AttachDocument: attach a document by its SHA-256",
            description = "201 with Location of the document. A document already attached (same sha256) is not"
                    + " attached twice: 200, with the id it already has (its description or kind corrected if they"
                    + " differ). For a document Coop holds (POST /api/v1/documents), mediaType and size may be left"
                    + " out: they are the stored bytes'; given, they must be theirs.")
    public ResponseEntity<CommandResponse> attachDocument(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @Valid @RequestBody AttachDocumentRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(
                context,
                body,
                Request.on(id, body.toCommand(id, DocumentId.random()))
                        .creatingUnder("/api/v1/agreements/" + id + "/documents/"));
    }

    @PostMapping(path = "/{agreementId}/links", consumes = JSON)
    @Operation(
            summary = "LinkAgreement: part of, successor of, or annex to another cooperation",
            description = "otherAgreementId must name an agreement in Coop (else 409 LINKED_AGREEMENT_NOT_FOUND);"
                    + " a cooperation outside Coop is named by otherTitle.")
    public ResponseEntity<CommandResponse> linkAgreement(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @Valid @RequestBody LinkAgreementRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(context, body, Request.on(id, body.toCommand(id)));
    }

    @PostMapping(path = "/{agreementId}/parties/{partyId}/notice", consumes = JSON)
    @Operation(summary = "GiveNotice: a party leaves after its notice period")
    public ResponseEntity<CommandResponse> giveNotice(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @PathVariable String partyId,
            @Valid @RequestBody GiveNoticeRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        PartyId party = PathIds.party(partyId);
        return run(context, body, Request.on(id, body.toCommand(id, party)).actingFor(party));
    }

    @PostMapping(path = "/{agreementId}/parties/{partyId}/removal", consumes = JSON)
    @Operation(summary = "RemoveParty: remove a party before entry into force")
    public ResponseEntity<CommandResponse> removeParty(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @PathVariable String partyId,
            @Valid @RequestBody ReasonRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        PartyId party = PathIds.party(partyId);
        return run(
                context,
                body,
                Request.on(id, new RemoveParty(id, party, body.reason())).actingFor(party));
    }

    @PostMapping(path = "/{agreementId}/termination", consumes = JSON)
    @Operation(summary = "TerminateAgreement: end an agreement in force from a date")
    public ResponseEntity<CommandResponse> terminate(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @Valid @RequestBody TerminateAgreementRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(context, body, Request.on(id, body.toCommand(id)));
    }

    @PostMapping(path = "/{agreementId}/abandonment", consumes = JSON)
    @Operation(summary = "AbandonDraft: give up an agreement that never entered into force")
    public ResponseEntity<CommandResponse> abandon(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @Valid @RequestBody ReasonRequest body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(context, body, Request.on(id, new AbandonDraft(id, body.reason())));
    }

    @PostMapping(path = "/{agreementId}/archival")
    @Operation(summary = "ArchiveAgreement: archive an ended agreement; it is read-only from then on")
    public ResponseEntity<CommandResponse> archive(
            @Parameter(hidden = true) CommandContext context,
            @PathVariable String agreementId,
            @RequestBody(required = false) EmptyBody body) {
        AgreementId id = PathIds.agreement(agreementId);
        return run(context, new EmptyBody(), Request.on(id, new ArchiveAgreement(id)));
    }

    /**
     * Sends the command and answers as every command does: its status, {@code ETag} (the agreement's version),
     * {@code Coop-Position}, the correlation id, {@code Location} of what it created, and whether it is the first answer
     * again ({@code Idempotent-Replayed}).
     */
    private ResponseEntity<CommandResponse> run(CommandContext context, Object body, CommandSender.Request request) {
        if (request.locationPrefix() != null) {
            request = request.creatingUnder(context.baseUrl() + request.locationPrefix());
        }
        CommandSender.Answer answer = sender.send(context, request, json.writeValueAsBytes(body));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.valueOf(answer.status()))
                .eTag("\"" + answer.body().version() + "\"")
                .header("Coop-Position", Long.toString(answer.body().position()))
                .header(CommandContextResolver.CORRELATION_ID, context.correlationId());
        if (answer.location() != null) {
            response.header("Location", answer.location());
        }
        if (answer.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(answer.body());
    }
}
