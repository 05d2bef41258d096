package se.coop.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import se.coop.app.web.BodySizeLimitFilter;
import se.coop.web.UploadForms;

/**
 * A page's form with a file is read only for someone signed in: its CSRF token sits among the multipart body's parts,
 * and reading them reads the whole upload, which nobody unknown may make Coop do. Without a signed-in session the form
 * is not read at all: the sign-in page instead; signed in as anyone but a secretariat, a page saying it is not theirs
 * to record (403), the form unread.
 */
class UploadsNeedSignIn extends OncePerRequestFilter {

    private static final String SECRETARIAT = "ROLE_SECRETARIAT";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
                response.sendRedirect(request.getContextPath() + "/login");
                return;
            }
            if (user.getAuthorities().stream().noneMatch(a -> SECRETARIAT.equals(a.getAuthority()))) {
                // only a secretariat records anything through the forms: nobody else's upload is read either
                request.getRequestDispatcher(UploadForms.FORBIDDEN)
                        .forward(BodySizeLimitFilter.unread(request), response);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
