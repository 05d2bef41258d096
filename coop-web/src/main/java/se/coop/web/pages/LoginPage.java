package se.coop.web.pages;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in: a user name and password, or through the configured OIDC issuer when there is one. */
@Controller
class LoginPage {

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    LoginPage(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/login")
    String login(Model model) {
        List<ClientRegistration> issuers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                issuers.add((ClientRegistration) registration);
            }
        }
        model.addAttribute("issuers", issuers);
        return "login";
    }
}
