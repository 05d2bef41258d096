package se.coop.app.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.command.web.InvalidRequestException;
import se.coop.command.web.Violation;
import se.coop.documents.DocumentSettings;
import se.coop.web.ProblemDescriber;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * The one place errors become answers: {@code application/problem+json} with a stable {@code errorCode}, and the
 * field and reason of each piece of bad input. Bad input is never a 500; a 500 says only that it is Coop's fault.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler implements ProblemDescriber {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate Object property \"(.*)\"");

    private final ProblemResponses problems;
    private final DocumentSettings documents;

    public ProblemDetailsAdvice(ProblemResponses problems, DocumentSettings documents) {
        this.problems = problems;
        this.documents = documents;
    }

    @ExceptionHandler(CoopProblem.class)
    ResponseEntity<ProblemDetail> refused(CoopProblem refusal) {
        List<Violation> violations =
                refusal.field() == null ? List.of() : List.of(new Violation(refusal.field(), refusal.getMessage()));
        ResponseEntity<ProblemDetail> answer = answer(refusal.errorCode(), refusal.getMessage(), violations);
        if (refusal.retryAfterSeconds() > 0) {
            return ResponseEntity.status(answer.getStatusCode())
                    .headers(answer.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()))
                    .body(answer.getBody());
        }
        return answer;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException invalid) {
        return answer(
                ErrorCode.VALIDATION_FAILED,
                "The request is not valid: " + summary(invalid.violations()),
                invalid.violations());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return answer(
                ErrorCode.AGREEMENT_NOT_FOUND, "There is no agreement " + e.getAggregateIdentifier() + ".", List.of());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return answer(
                ErrorCode.CONCURRENT_MODIFICATION,
                "The agreement changed while this command ran (a timer of Coop's acted at the same moment); retry.",
                List.of());
    }

    /** The distributed command bus wraps what the local one throws as it is; answer the cause either way. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> wrapped(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CoopProblem refusal) {
            return refused(refusal);
        }
        if (cause instanceof ConcurrencyException concurrency) {
            return concurrent(concurrency);
        }
        return unexpected(e);
    }

    /**
     * A multipart request that cannot be read: it ended before its closing boundary (the connection dropped, the client
     * gave up) or is not multipart as sent. Nothing of it was kept.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableUpload(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return uploadTooLarge(tooLarge);
        }
        return answer(
                ErrorCode.MALFORMED_REQUEST,
                "The upload could not be read to its end (it ended early, or is not multipart/form-data as sent);"
                        + " nothing was kept.",
                List.of());
    }

    /**
     * A request whose parameters or parts the servlet container cannot read (a multipart form with more parts than
     * {@code server.tomcat.max-part-count}, say): the client's request, not Coop's fault.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException e) {
        return answer(
                ErrorCode.MALFORMED_REQUEST,
                "The request's fields could not be read (too many, or too large); nothing was kept.",
                List.of());
    }

    private ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileCountLimitExceededException) {
                // not too large: too many parts (the container counts them against server.tomcat.max-part-count)
                return answer(
                        ErrorCode.MALFORMED_REQUEST,
                        "The form has more parts than Coop reads (server.tomcat.max-part-count); nothing was kept.",
                        List.of());
            }
        }
        String detail = "The upload is larger than Coop takes (coop.documents.max-size, "
                + documents.maxSize().toMegabytes() + " MB); nothing was kept.";
        return answer(ErrorCode.PAYLOAD_TOO_LARGE, detail, List.of(new Violation("file", detail)));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return widen(uploadTooLarge(e));
    }

    /**
     * A request parameter sent as something Coop cannot read it as — a multipart form's text field sent as a file,
     * say: the client's mistake, named by its field, not Coop's (Spring would answer 500).
     */
    @Override
    protected ResponseEntity<Object> handleConversionNotSupported(
            org.springframework.beans.ConversionNotSupportedException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        if (e
                instanceof
                org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException argument) {
            Violation violation = new Violation(argument.getName(), "must be a text field, not a file or other part");
            return widen(answer(
                    ErrorCode.VALIDATION_FAILED,
                    "The request is not valid: " + violation.field() + ": " + violation.message(),
                    List.of(violation)));
        }
        return super.handleConversionNotSupported(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Violation violation = new Violation(e.getRequestPartName(), "must be given (a part of the multipart request)");
        return widen(answer(
                ErrorCode.VALIDATION_FAILED,
                "The request is not valid: " + violation.field() + ": " + violation.message(),
                List.of(violation)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error while handling a request", e);
        return answer(ErrorCode.INTERNAL_ERROR, "Coop could not complete the request; nothing was changed.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            violations.add(new Violation(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> violations.add(new Violation(error.getObjectName(), error.getDefaultMessage())));
        return widen(
                answer(ErrorCode.VALIDATION_FAILED, "The request is not valid: " + summary(violations), violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, BodySizeLimitFilter.BodyTooLargeException.class)) {
            return widen(answer(ErrorCode.PAYLOAD_TOO_LARGE, BodySizeLimitFilter.tooLarge(), List.of()));
        }
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson) {
            return widen(unreadable(jackson));
        }
        return widen(answer(ErrorCode.MALFORMED_REQUEST, "The request needs a JSON body.", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field =
                e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        Throwable root = rootCause(e);
        boolean ourRule = root instanceof IllegalArgumentException
                && root.getMessage() != null
                && (e.getRequiredType() == java.time.LocalDate.class
                        || e.getRequiredType() == java.time.OffsetDateTime.class);
        Violation violation =
                new Violation(field, ourRule ? root.getMessage() : expected(e.getRequiredType(), e.getValue()));
        return widen(answer(
                ErrorCode.VALIDATION_FAILED,
                "The request is not valid: " + violation.field() + ": " + violation.message(),
                List.of(violation)));
    }

    /** Spring MVC's own exceptions (405, 406, 415, 404 for unknown paths …) get an errorCode like every other problem. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            ErrorCode code = ProblemResponses.codeFor(status.value());
            problem.setType(ProblemResponses.type(code));
            problem.setTitle(ProblemResponses.title(code));
            problem.setProperty("errorCode", code.name());
            return ResponseEntity.status(status)
                    .headers(answer.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return answer;
    }

    private ResponseEntity<ProblemDetail> unreadable(JacksonException jackson) {
        Violation violation = describe(jackson);
        ErrorCode code = violation.field() == null ? ErrorCode.MALFORMED_REQUEST : ErrorCode.VALIDATION_FAILED;
        String detail = violation.field() == null
                ? violation.message()
                : "The request is not valid: " + violation.field() + ": " + violation.message();
        return answer(code, detail, violation.field() == null ? List.of() : List.of(violation));
    }

    /**
     * What the HTTP API answers for {@code e}, for Coop's pages, which send the API's requests from a form and must
     * show the same problem.
     */
    @Override
    public ProblemDetail describe(Exception e) {
        ResponseEntity<ProblemDetail> answer;
        if (e instanceof CoopProblem refusal) {
            answer = refused(refusal);
        } else if (e instanceof InvalidRequestException invalid) {
            answer = invalid(invalid);
        } else if (e instanceof AggregateNotFoundException notFound) {
            answer = notFound(notFound);
        } else if (e instanceof ConcurrencyException concurrency) {
            answer = concurrent(concurrency);
        } else if (e instanceof CommandExecutionException wrapped) {
            answer = wrapped(wrapped);
        } else if (e instanceof JacksonException jackson) {
            answer = unreadable(jackson);
        } else if (e instanceof MultipartException multipart) {
            answer = unreadableUpload(multipart);
        } else if (e instanceof InvalidParameterException unreadable) {
            answer = unreadableParameters(unreadable);
        } else if (e instanceof org.springframework.security.access.AccessDeniedException) {
            answer = answer(ErrorCode.FORBIDDEN, "Your role does not allow this request.", List.of());
        } else {
            answer = unexpected(e);
        }
        return answer.getBody();
    }

    private ResponseEntity<ProblemDetail> answer(ErrorCode code, String detail, List<Violation> violations) {
        return ResponseEntity.status(ProblemResponses.status(code))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(code, detail, violations));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> answer) {
        return (ResponseEntity) answer;
    }

    /** What is wrong with a JSON body, in words, without Java class names. */
    static Violation describe(JacksonException e) {
        String field = path(e);
        if (e instanceof RejectedValueException rejected) {
            return new Violation(field, rejected.reason());
        }
        if (e instanceof InputCoercionException coercion) {
            return new Violation(field, NumberRanges.describe(e, coercion.getTargetType()));
        }
        if (e instanceof StreamConstraintsException) {
            return field == null
                    ? new Violation(null, "The JSON body is nested too deeply or too large.")
                    : new Violation(field, "is too long or nested too deeply to be read");
        }
        if (e instanceof StreamReadException read) {
            Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(read.getOriginalMessage()));
            if (duplicate.find()) {
                String key = duplicate.group(1);
                return new Violation(field == null ? key : field + "." + key, "is given more than once in one object");
            }
            var location = read.getLocation();
            return new Violation(
                    null,
                    "The body is not valid JSON"
                            + (location == null
                                    ? "."
                                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")."));
        }
        if (field == null) {
            return new Violation(null, "The body must be a JSON object with the fields this endpoint takes.");
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new Violation(field, "unknown field; this endpoint does not take it");
        }
        if (e instanceof ValueInstantiationException || rootCause(e) instanceof IllegalArgumentException) {
            Throwable root = rootCause(e);
            String reason = root instanceof IllegalArgumentException && root.getMessage() != null
                    ? root.getMessage()
                    : "not a valid value";
            return new Violation(field, reason);
        }
        if (e instanceof InvalidFormatException format) {
            if (format.getValue() instanceof Number && JsonShape.of(format.getTargetType()) == JsonShape.WHOLE_NUMBER) {
                return new Violation(field, NumberRanges.describe(e, format.getTargetType()));
            }
            if (format.getTargetType() == java.math.BigDecimal.class) {
                return new Violation(field, "is not a decimal number Coop can keep exactly");
            }
            return new Violation(field, expected(format.getTargetType(), format.getValue()));
        }
        if (e instanceof InvalidNullException) {
            return new Violation(field, "must not be null");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new Violation(field, "wrong type: " + expected(mismatch.getTargetType(), null));
        }
        return new Violation(field, "not a valid value");
    }

    private static String expected(Class<?> type, Object value) {
        String given = value == null ? "" : "'" + value + "' is not valid; ";
        if (type == null) {
            return given + "not a valid value";
        }
        if (type.isEnum()) {
            return given + "expected one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        return given
                + switch (JsonShape.of(type)) {
                    case DATE -> "expected a date as YYYY-MM-DD";
                    case DATE_TIME -> "expected an instant as ISO-8601 with offset, e.g. 2026-05-04T13:00:00+02:00";
                    case BOOLEAN -> "expected true or false";
                    case WHOLE_NUMBER -> "expected a whole number";
                    case NUMBER -> "expected a number";
                    case TEXT -> "expected text";
                    case ARRAY -> "expected an array";
                    case OBJECT -> "expected an object";
                };
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String summary(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
    }
}
