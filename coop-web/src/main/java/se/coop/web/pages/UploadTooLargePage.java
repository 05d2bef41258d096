package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import se.coop.web.FormCommands;
import se.coop.web.UploadForms;

/**
 * Where a form with a file larger than Coop keeps lands (the request's size limit sends it here unread): a page saying
 * so, in the page's language, with the way back to the form's page; nothing was recorded. Likewise a form with a file
 * from someone who may not record anything.
 */
@Controller
class UploadTooLargePage {

    @RequestMapping(UploadForms.TOO_LARGE)
    String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
        PageErrors.header(request, model);
        response.setStatus(413);
        model.addAttribute("problem", new FormCommands.Problem("UPLOAD_TOO_LARGE", 413, null, Map.of()));
        model.addAttribute("back", back(String.valueOf(request.getAttribute(UploadForms.TOO_LARGE))));
        return "error-page";
    }

    /** A form without a file, larger than any form of the pages (someone typed a book into it): refused unread. */
    @RequestMapping(UploadForms.FORM_TOO_LARGE)
    String formTooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
        PageErrors.header(request, model);
        response.setStatus(413);
        model.addAttribute("problem", new FormCommands.Problem("PAYLOAD_TOO_LARGE", 413, null, Map.of()));
        return "error-page";
    }

    /** A form with a file sent by someone who may not record anything (not a secretariat): refused unread. */
    @RequestMapping(UploadForms.FORBIDDEN)
    String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
        PageErrors.header(request, model);
        response.setStatus(403);
        model.addAttribute("problem", new FormCommands.Problem("FORBIDDEN", 403, null, Map.of()));
        return "error-page";
    }

    /** The page the form was on: the agreement's, or the draft form. */
    static String back(String formPath) {
        String[] parts = formPath.split("/");
        if (parts.length >= 3 && parts[1].equals("agreements")) {
            return "/agreements/" + parts[2];
        }
        return "/";
    }
}
