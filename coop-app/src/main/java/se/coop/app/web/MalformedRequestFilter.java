package se.coop.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import se.coop.api.ErrorCode;

/**
 * Answers a request whose parameters cannot even be decoded (a {@code %} not followed by two hex digits, bytes that
 * are no UTF-8) with 400 {@code MALFORMED_REQUEST}, on every path and before authentication: it is the client's
 * mistake, so it is logged at DEBUG only, without a stack trace. An upload's body is not read here: reading its
 * parameters would read the whole upload before anyone is signed in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class MalformedRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestFilter.class);

    private final ProblemResponses problems;

    public MalformedRequestFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            // an upload's parts are read once its sender is known (BodySizeLimitFilter, the security chains), not here
            chain.doFilter(request, response);
            return;
        }
        try {
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.debug(
                    "Refused {} {}: its parameters cannot be decoded ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getMessage());
            problems.write(
                    response,
                    ErrorCode.MALFORMED_REQUEST,
                    "The request's parameters cannot be decoded: each % must be followed by two hexadecimal digits, and"
                            + " the bytes must be UTF-8.");
            return;
        }
        chain.doFilter(request, response);
    }
}
