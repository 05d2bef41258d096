package se.coop.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.coop.query.QueryNode;
import se.coop.query.admin.ProcessorStalls;
import se.coop.query.admin.ProjectionAdmin;
import se.coop.query.admin.ProjectionStatus;

/** The operator's view of the read models, and their rebuild. */
@QueryNode
@RestController
@RequestMapping(path = "/api/v1/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations", description = "Read models: position, lag, rebuild (role OPERATOR)")
public class AdminController {

    /** The admin view's body: the read models, and every event processor running on this node. */
    public record Projections(List<ProjectionStatus> projections, List<ProcessorStalls.ProcessorState> processors) {}

    private final ProjectionAdmin admin;
    private final ProcessorStalls stalls;

    AdminController(ProjectionAdmin admin, ProcessorStalls stalls) {
        this.admin = admin;
        this.stalls = stalls;
    }

    @GetMapping
    @Operation(
            summary = "Per read model: position, head, lag, rebuilding, progress %, dead letters, stalled",
            description = "processors lists every event processor on the node answering (read models, reminder"
                    + " planning and delivery) with the segments it holds and, when stalled, the error it retries.")
    public Projections projections() {
        return view();
    }

    @PostMapping("/{name}/rebuild")
    @Operation(
            summary = "Rebuilds a read model from the events",
            description = "202: from now until the replay has caught up, rebuilding is true and the read model's"
                    + " queries answer from its previous copy with the header Coop-Rebuilding: true.")
    public ResponseEntity<Projections> rebuild(@PathVariable String name) {
        admin.rebuild(name);
        return ResponseEntity.accepted().body(view());
    }

    private Projections view() {
        return new Projections(admin.status(), stalls.processors());
    }
}
