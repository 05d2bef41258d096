package se.coop.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An answer that fails after its first bytes were sent (a document whose chunk turns out damaged halfway through a
 * download, say) is cut off: the failure goes on to the servlet container, which closes the connection at once, so
 * that the client sees a transfer short of its {@code Content-Length} — never a problem's JSON written into the body
 * as if it were the rest of it (as an exception handler would), nor a connection left open waiting for bytes that
 * will not come. First of every resolver; an answer not yet committed passes on to {@link ProblemDetailsAdvice}.
 */
@Component
class CommittedAnswers implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(CommittedAnswers.class);

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (!response.isCommitted() || failure instanceof MultipartException) {
            // a request that could not be read to its end (Tomcat counts a connection its client half-closed as
            // committed): nothing of the answer was written, so the problem is the answer
            return null;
        }
        log.warn(
                "{} {}: failed after its answer had begun, the connection is closed: {}",
                request.getMethod(),
                request.getRequestURI(),
                failure.toString());
        throw new AnswerCutShort(failure);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** The failure of an answer already on its way, for the servlet container to cut it off. */
    static final class AnswerCutShort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AnswerCutShort(Exception failure) {
            super(failure.getMessage(), failure);
        }
    }
}
