package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import se.coop.web.FormCommands;

/**
 * A person's request that no page answers — an address with no page, a method a page does not take, a body of a type
 * no page reads — is answered with a page (its title, its language, the way back), not the API's JSON; the API's own
 * addresses keep their problem+json. Before the API's exception handlers, for page addresses only.
 */
@Component
class PageRequestErrors implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (!isPage(request) || response.isCommitted()) {
            return null;
        }
        String code;
        int status;
        if (failure instanceof NoResourceFoundException) {
            code = "NOT_FOUND";
            status = 404;
        } else if (failure instanceof HttpRequestMethodNotSupportedException) {
            code = "METHOD_NOT_ALLOWED";
            status = 405;
        } else if (failure instanceof HttpMediaTypeNotSupportedException) {
            code = "UNSUPPORTED_MEDIA_TYPE";
            status = 415;
        } else {
            return null;
        }
        ExtendedModelMap model = new ExtendedModelMap();
        PageErrors.header(request, model);
        model.addAttribute("problem", new FormCommands.Problem(code, status, null, Map.of()));
        response.setStatus(status);
        return new ModelAndView("error-page", model);
    }

    /** Whether the request was for a page: anything but the API, its description and the actuator. */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/")
                || path.startsWith("/actuator")
                || path.startsWith("/v3/api-docs")
                || path.startsWith("/swagger-ui"));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
