package se.coop.web.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import se.coop.query.QueryNode;
import se.coop.query.web.AdminController;
import se.coop.web.Permissions;

/**
 * The operator's view: each read model's position, lag, dead letters and stalls, and its rebuild. While a rebuild
 * runs the page reloads itself every second, so its progress bar moves without any script.
 */
@Controller
@QueryNode
class OperatorPage {

    private final AdminController admin;
    private final Permissions permissions;

    OperatorPage(AdminController admin, Permissions permissions) {
        this.admin = admin;
        this.permissions = permissions;
    }

    @GetMapping("/operator")
    String show(Model model) {
        permissions.require("GET", "/api/v1/admin/projections");
        AdminController.Projections projections = admin.projections();
        model.addAttribute("projections", projections.projections());
        model.addAttribute("processors", projections.processors());
        model.addAttribute("rebuilding", projections.projections().stream().anyMatch(p -> p.rebuilding()));
        return "operator";
    }

    @PostMapping("/operator/{name}/rebuild")
    String rebuild(@PathVariable String name) {
        permissions.require("POST", "/api/v1/admin/projections/" + name + "/rebuild");
        admin.rebuild(name);
        return "redirect:/operator";
    }
}
