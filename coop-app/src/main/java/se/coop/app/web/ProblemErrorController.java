package se.coop.app.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.ErrorCode;
import se.coop.command.web.Violation;

/**
 * What the servlet container answers when something sent an error without a body ({@code sendError}) — in place of
 * Spring Boot's own error page: a problem like every other answer of Coop's, for every caller.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemResponses problems;

    ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            // included by the container after an answer failed halfway (CommittedAnswers): the connection is about to
            // be closed, and nothing may be added to the body
            return null;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, the error page itself is a resource that does not exist
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.NOT_FOUND;
        ErrorCode errorCode = ProblemResponses.codeFor(status.value());
        String detail = status.is5xxServerError()
                ? "Coop could not complete the request; nothing was changed."
                : "The request was refused: " + status.getReasonPhrase() + ".";
        ProblemDetail problem = problems.problem(errorCode, detail, java.util.List.<Violation>of());
        problem.setStatus(status.value());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
