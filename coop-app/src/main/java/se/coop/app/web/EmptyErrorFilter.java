package se.coop.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error is a problem: an answer of 400 or more that left its body empty (Spring Boot's actuator says 404 that
 * way, for instance) gets the problem its status stands for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class EmptyErrorFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public EmptyErrorFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Watched watched = new Watched(response);
        chain.doFilter(request, watched);
        int status = watched.getStatus();
        if (status >= 400
                && !watched.written
                && !response.isCommitted()
                && !request.isAsyncStarted()
                && !"HEAD".equals(request.getMethod())) {
            problems.write(
                    response,
                    status,
                    ProblemResponses.codeFor(status),
                    status == 404 ? "There is nothing at this address." : "The request was refused.");
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    /** Notes whether anything asked for the body. */
    private static final class Watched extends HttpServletResponseWrapper {

        private boolean written;

        Watched(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            written = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            written = true;
            return super.getWriter();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            written = true;
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            written = true;
            super.sendError(status);
        }
    }
}
