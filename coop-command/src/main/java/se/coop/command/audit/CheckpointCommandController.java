package se.coop.command.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.input.EmptyBody;
import se.coop.api.proof.Checkpoint;
import se.coop.command.CommandNode;

/** An operator takes a checkpoint on demand (besides the daily one). */
@CommandNode
@RestController
@Tag(name = "Audit", description = "Signed checkpoints of every event stream, their keys and proofs")
public class CheckpointCommandController {

    private final Checkpoints checkpoints;

    CheckpointCommandController(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @PostMapping(path = "/api/v1/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "takeCheckpoint",
            summary = "Takes a signed checkpoint of every event stream now (role OPERATOR)",
            description = "No body (or {}). 201 with the signed checkpoint document and its Location. 409"
                    + " SIGNING_KEY_MISSING where no key to sign with is configured (docs/audit.md).")
    public ResponseEntity<Checkpoint> take(Principal user, @RequestBody(required = false) EmptyBody body) {
        Checkpoint checkpoint = checkpoints.take(user == null ? "unknown" : user.getName());
        return ResponseEntity.created(URI.create("/api/v1/audit/checkpoints/" + checkpoint.checkpointId()))
                .body(checkpoint);
    }
}
