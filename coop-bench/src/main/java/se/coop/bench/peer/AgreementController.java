package se.coop.bench.peer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same paths and bodies as Coop's agreement API for the commands coop-bench sends, validated as beans; each
 * answers the agreement's id and the sequence number of its last event ({@code Coop-Position}), which a read of the
 * agreement may wait for ({@code Coop-Min-Position}), as a plain Axon application reads its own writes: by polling its
 * status row.
 */
@RestController
@Validated
@RequestMapping("/api/v1/agreements")
class AgreementController {

    private static final long PATIENCE_NANOS = 5_000_000_000L;
    private static final long POLL_NANOS = 5_000_000L;
    private static final String PARTY = "[a-z0-9-]{1,64}";
    private static final String SHA256 = "[0-9a-f]{64}";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartyBody(
            @NotBlank @Pattern(regexp = PARTY) String partyId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "SE|DK") String country,
            @NotBlank @Size(max = 200) String adoptingBody) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TextBody(
            @NotBlank @Pattern(regexp = SHA256) String sha256,
            @Min(1) long size) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DraftBody(
            @NotEmpty Map<@Pattern(regexp = "sv|da|en") String, @NotBlank @Size(max = 300) String> title,
            @NotNull @Size(min = 2, max = 50) List<@Valid @NotNull PartyBody> parties,
            @NotNull @Valid TextBody text) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignatureBody(
            @NotBlank @Pattern(regexp = PARTY) String partyId,
            @NotBlank @Pattern(regexp = SHA256) String textSha256,
            @NotNull LocalDate signedOn) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DecisionBody(
            @NotBlank @Pattern(regexp = PARTY) String partyId,
            @NotBlank @Pattern(regexp = SHA256) String textSha256,
            @NotBlank @Size(max = 200) String body,
            @NotNull LocalDate decidedOn,
            @NotBlank @Size(max = 64) String caseNumber,
            @NotBlank @Size(max = 32) String paragraph,
            @NotBlank @Pattern(regexp = "ADOPTED") String outcome) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReviewBody(
            @NotNull OffsetDateTime startsAt,
            @NotBlank @Size(max = 200) String location) {}

    record Accepted(String agreementId, long position) {}

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    AgreementController(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @PostMapping
    ResponseEntity<Accepted> draft(@Valid @RequestBody DraftBody body) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new Agreement.Draft(
                id,
                body.title().values().iterator().next(),
                body.parties().stream().map(PartyBody::partyId).toList()));
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + id))
                .header("Coop-Position", "0")
                .body(new Accepted(id, 0));
    }

    @PostMapping("/{id}/submission")
    ResponseEntity<Accepted> submit(@PathVariable UUID id) {
        return accepted(id, commands.sendAndWait(new Agreement.Submit(id.toString())));
    }

    @PostMapping("/{id}/signatures")
    ResponseEntity<Accepted> sign(@PathVariable UUID id, @Valid @RequestBody SignatureBody body) {
        return accepted(
                id,
                commands.sendAndWait(
                        new Agreement.Sign(id.toString(), body.partyId(), body.textSha256(), body.signedOn())));
    }

    @PostMapping("/{id}/board-decisions")
    ResponseEntity<Accepted> decide(@PathVariable UUID id, @Valid @RequestBody DecisionBody body) {
        return accepted(
                id,
                commands.sendAndWait(new Agreement.Adopt(
                        id.toString(),
                        body.partyId(),
                        body.textSha256(),
                        body.body(),
                        body.decidedOn(),
                        body.caseNumber(),
                        body.paragraph())));
    }

    @PostMapping("/{id}/reviews")
    ResponseEntity<Accepted> review(@PathVariable UUID id, @Valid @RequestBody ReviewBody body) {
        return accepted(
                id,
                commands.sendAndWait(new Agreement.ScheduleReview(id.toString(), body.startsAt(), body.location())));
    }

    private static ResponseEntity<Accepted> accepted(UUID id, Object sequence) {
        long position = ((Number) sequence).longValue();
        return ResponseEntity.ok()
                .header("Coop-Position", Long.toString(position))
                .body(new Accepted(id.toString(), position));
    }

    /** The agreement's status row, once it shows {@code Coop-Min-Position} (at most five seconds later). */
    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> status(
            @PathVariable UUID id, @RequestHeader(name = "Coop-Min-Position", required = false) Long minPosition) {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT agreement_id, title, state, parties, version, updated_at FROM agreement_status"
                            + " WHERE agreement_id = ?",
                    id.toString());
            boolean shown = !rows.isEmpty()
                    && (minPosition == null || ((Number) rows.get(0).get("version")).longValue() >= minPosition);
            if (shown || System.nanoTime() > deadline) {
                if (rows.isEmpty()) {
                    return ResponseEntity.notFound().build();
                }
                Map<String, Object> row = new java.util.LinkedHashMap<>(rows.get(0));
                row.put("parties", List.of((String[]) toArray(row.get("parties"))));
                row.put("updated_at", row.get("updated_at").toString());
                ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
                if (!shown) {
                    answer.header("Coop-Stale", "true");
                }
                return answer.body(row);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static Object toArray(Object sqlArray) {
        try {
            return ((java.sql.Array) sqlArray).getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Agreements in a state with a party, most recently changed first. */
    @GetMapping
    List<Map<String, Object>> list(
            @RequestParam @Pattern(regexp = "DRAFT|SUBMITTED|IN_FORCE") String state,
            @RequestParam @Pattern(regexp = PARTY) String party,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return jdbc.queryForList(
                "SELECT agreement_id, title, state, version FROM agreement_status WHERE state = ? AND ? = ANY(parties)"
                        + " ORDER BY updated_at DESC LIMIT ?",
                state,
                party,
                size);
    }

    @ExceptionHandler(Agreement.Refused.class)
    ProblemDetail refused(Agreement.Refused refused) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException missing) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such agreement");
    }
}
