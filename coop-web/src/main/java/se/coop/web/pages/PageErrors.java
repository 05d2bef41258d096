package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import se.coop.web.FormCommands;
import se.coop.web.PageModel;
import se.coop.web.ProblemDescriber;

/**
 * A page that cannot be shown answers with a page, not JSON: the API's problem (its status, code and detail) in the
 * page's words, with the way back to the register.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final ProblemDescriber problems;

    PageErrors(ProblemDescriber problems) {
        this.problems = problems;
    }

    /** An exception handler's model is not filled by {@link PageModel}: the header needs the same. */
    static void header(HttpServletRequest request, Model model) {
        model.addAttribute("userName", PageModel.userName());
        model.addAttribute("languageLinks", PageModel.languageLinks(request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
        header(request, model);
        response.setStatus(403);
        model.addAttribute("problem", new FormCommands.Problem("FORBIDDEN", 403, null, java.util.Map.of()));
        return "error-page";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(
            MethodArgumentTypeMismatchException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        header(request, model);
        response.setStatus(400);
        model.addAttribute(
                "problem",
                new FormCommands.Problem(
                        "VALIDATION_FAILED", 400, e.getName() + ": " + e.getValue(), java.util.Map.of()));
        return "error-page";
    }

    @ExceptionHandler(Exception.class)
    String problem(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        header(request, model);
        FormCommands.Problem problem = FormCommands.problem(problems.describe(e));
        if (problem.status() >= 500) {
            log.error("A page could not be shown", e);
        }
        response.setStatus(problem.status());
        model.addAttribute("problem", problem);
        return "error-page";
    }
}
