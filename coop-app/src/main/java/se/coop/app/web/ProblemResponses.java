package se.coop.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import se.coop.api.ErrorCode;
import se.coop.command.web.Violation;
import tools.jackson.databind.ObjectMapper;

/** Builds Coop's problem details (RFC 9457, with {@code errorCode} and {@code violations}) and writes them. */
@Component
public class ProblemResponses {

    private static final Map<ErrorCode.Kind, HttpStatus> STATUS = Map.ofEntries(
            Map.entry(ErrorCode.Kind.BAD_INPUT, HttpStatus.BAD_REQUEST),
            Map.entry(ErrorCode.Kind.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE),
            Map.entry(ErrorCode.Kind.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE),
            Map.entry(ErrorCode.Kind.NOT_ACCEPTABLE, HttpStatus.NOT_ACCEPTABLE),
            Map.entry(ErrorCode.Kind.METHOD_NOT_ALLOWED, HttpStatus.METHOD_NOT_ALLOWED),
            Map.entry(ErrorCode.Kind.NOT_FOUND, HttpStatus.NOT_FOUND),
            Map.entry(ErrorCode.Kind.GONE, HttpStatus.GONE),
            Map.entry(ErrorCode.Kind.RANGE_NOT_SATISFIABLE, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE),
            Map.entry(ErrorCode.Kind.PRECONDITION_FAILED, HttpStatus.PRECONDITION_FAILED),
            Map.entry(ErrorCode.Kind.UNPROCESSABLE, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ErrorCode.Kind.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED),
            Map.entry(ErrorCode.Kind.FORBIDDEN, HttpStatus.FORBIDDEN),
            Map.entry(ErrorCode.Kind.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS),
            Map.entry(ErrorCode.Kind.REFUSED, HttpStatus.CONFLICT),
            Map.entry(ErrorCode.Kind.INTERNAL, HttpStatus.INTERNAL_SERVER_ERROR));

    private static final Map<ErrorCode.Kind, String> TITLE = Map.ofEntries(
            Map.entry(ErrorCode.Kind.BAD_INPUT, "Bad request"),
            Map.entry(ErrorCode.Kind.TOO_LARGE, "Request body too large"),
            Map.entry(ErrorCode.Kind.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
            Map.entry(ErrorCode.Kind.NOT_ACCEPTABLE, "Not acceptable"),
            Map.entry(ErrorCode.Kind.METHOD_NOT_ALLOWED, "Method not allowed"),
            Map.entry(ErrorCode.Kind.NOT_FOUND, "Not found"),
            Map.entry(ErrorCode.Kind.GONE, "Gone"),
            Map.entry(ErrorCode.Kind.RANGE_NOT_SATISFIABLE, "Range not satisfiable"),
            Map.entry(ErrorCode.Kind.PRECONDITION_FAILED, "Version mismatch"),
            Map.entry(ErrorCode.Kind.UNPROCESSABLE, "Idempotency key reused"),
            Map.entry(ErrorCode.Kind.UNAUTHENTICATED, "Authentication required"),
            Map.entry(ErrorCode.Kind.FORBIDDEN, "Forbidden"),
            Map.entry(ErrorCode.Kind.TOO_MANY_REQUESTS, "Too many requests"),
            Map.entry(ErrorCode.Kind.REFUSED, "Refused by a rule of the agreement"),
            Map.entry(ErrorCode.Kind.INTERNAL, "Internal error"));

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public static HttpStatus status(ErrorCode code) {
        return STATUS.get(code.kind());
    }

    /**
     * The error code of an answer that has only its status (from Spring, Tomcat or the servlet container): a client's
     * fault is malformed unless the status says more; a server's fault is Coop's.
     */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.TOO_MANY_SIGN_INS;
            // a protocol version or transfer coding Coop does not speak is the client's request, not Coop's fault
            case 501, 505 -> ErrorCode.MALFORMED_REQUEST;
            default -> status >= 400 && status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    /** The problem's {@code type}: {@code urn:coop:problem:<error-code>}. */
    public static java.net.URI type(ErrorCode code) {
        return java.net.URI.create(
                "urn:coop:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** Codes whose kind's title would mislead: an extract not made yet breaks no rule of the agreement. */
    private static final Map<ErrorCode, String> CODE_TITLE = Map.of(ErrorCode.EXTRACT_NOT_READY, "Not ready yet");

    public static String title(ErrorCode code) {
        return CODE_TITLE.getOrDefault(code, TITLE.get(code.kind()));
    }

    public ProblemDetail problem(ErrorCode code, String detail, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(code), detail);
        problem.setType(type(code));
        problem.setTitle(title(code));
        problem.setProperty("errorCode", code.name());
        if (!violations.isEmpty()) {
            problem.setProperty("violations", violations);
        }
        return problem;
    }

    /** For filters and security handlers, which answer before any controller is reached. */
    public void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        write(response, status(code).value(), code, detail);
    }

    /** An answer whose status is already decided ({@link #codeFor} gives its code). */
    public void write(HttpServletResponse response, int status, ErrorCode code, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        ProblemDetail problem = problem(code, detail, List.of());
        problem.setStatus(status);
        json.writeValue(response.getOutputStream(), problem);
    }
}
