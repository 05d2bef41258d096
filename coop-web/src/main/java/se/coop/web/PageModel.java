package se.coop.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every page's header needs: who is signed in, and the same page in the other language. */
@ControllerAdvice(basePackages = "se.coop.web")
public class PageModel {

    private static final Pattern AGREEMENT = Pattern.compile("(/agreements/[^/]+)(/.*)?");

    @ModelAttribute("userName")
    public static String userName() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || user instanceof AnonymousAuthenticationToken ? null : user.getName();
    }

    /** The address of this page in each language: a page shown after a form goes back to where the form was. */
    @ModelAttribute("languageLinks")
    public static Map<String, String> languageLinks(HttpServletRequest request) {
        ServletUriComponentsBuilder here;
        if ("GET".equals(request.getMethod())) {
            here = ServletUriComponentsBuilder.fromRequest(request);
        } else {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            Matcher agreement = AGREEMENT.matcher(path);
            here = ServletUriComponentsBuilder.fromContextPath(request);
            here.path(agreement.matches() && !path.equals("/agreements/new") ? agreement.group(1) : path);
        }
        return Map.of(
                "sv", here.replaceQueryParam("lang", "sv").build().toUriString(),
                "da", here.replaceQueryParam("lang", "da").build().toUriString(),
                "en", here.replaceQueryParam("lang", "en").build().toUriString());
    }
}
