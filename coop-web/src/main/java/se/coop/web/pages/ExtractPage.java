package se.coop.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import se.coop.query.QueryNode;
import se.coop.query.extract.ExtractJob;
import se.coop.query.extract.ExtractJobController;

/**
 * A dossier or archive package made in the background, as its reader follows it: how far it has come (the page
 * fetches itself again every two seconds while it runs, which the reader can stop), its file when it is done, and
 * cancelling it. The download links of the agreement page lead here when the extract is too large to answer at once.
 */
@Controller
@QueryNode
class ExtractPage {

    private static final String API = "/api/v1/extracts/";

    private final ExtractJobController jobs;
    private final se.coop.web.Permissions permissions;

    ExtractPage(ExtractJobController jobs, se.coop.web.Permissions permissions) {
        this.jobs = jobs;
        this.permissions = permissions;
    }

    @GetMapping("/extracts/{jobId}")
    String show(@PathVariable String jobId, Principal user, Model model) {
        permissions.require("GET", API + jobId);
        ExtractJob job = jobs.job(jobId, user).getBody();
        model.addAttribute("job", job);
        return "extract";
    }

    @GetMapping("/extracts/{jobId}/file")
    void file(@PathVariable String jobId, Principal user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        permissions.require("GET", API + jobId + "/file");
        jobs.file(jobId, user, request, response);
    }

    @PostMapping("/extracts/{jobId}/cancel")
    String cancel(@PathVariable String jobId, Principal user) {
        permissions.require("DELETE", API + jobId);
        jobs.cancel(jobId, user);
        return "redirect:/extracts/" + jobId;
    }
}
