package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import se.coop.web.FormCommands;

/**
 * Where a form lands whose CSRF token is missing or no longer valid (its session expired, or it came from elsewhere):
 * a page saying so, in the page's language; nothing was recorded.
 */
@Controller
class FormExpiredPage {

    static final String PATH = "/form-expired";

    @RequestMapping(PATH)
    String formExpired(HttpServletRequest request, HttpServletResponse response, Model model) {
        PageErrors.header(request, model);
        response.setStatus(403);
        model.addAttribute("problem", new FormCommands.Problem("FORM_EXPIRED", 403, null, Map.of()));
        return "error-page";
    }
}
