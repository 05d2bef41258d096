package se.coop.web.pages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement (tillgänglighetsredogörelse under lag (2018:1937), the Danish tilgængelighedserklæring
 * under webtilgængelighedsloven): how accessible the pages are, what is known not to be, how they are tested — what
 * the browser tests check, nothing more — and where to report a problem. Readable without signing in, linked from
 * every page's footer.
 */
@Controller
class AccessibilityPage {

    private final String contact;

    AccessibilityPage(@Value("${coop.accessibility.contact:}") String contact) {
        this.contact = contact;
    }

    @GetMapping("/accessibility")
    String statement(Model model) {
        model.addAttribute("contact", contact.isBlank() ? null : contact.strip());
        return "accessibility";
    }
}
