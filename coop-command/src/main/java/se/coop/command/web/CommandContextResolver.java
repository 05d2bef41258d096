package se.coop.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Reads a {@link CommandContext} from the authenticated user and the {@code If-Match}, {@code Idempotency-Key} and {@code X-Correlation-Id} headers. */
class CommandContextResolver implements HandlerMethodArgumentResolver {

    static final String IF_MATCH = "If-Match";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String CORRELATION_ID = "X-Correlation-Id";

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]([\\x20-\\x7e]*[\\x21-\\x7e])?");
    private static final Pattern CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandContext.class;
    }

    @Override
    public CommandContext resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        return new CommandContext(
                user.getName(),
                role(user),
                IfMatch.parse(ifMatch(http)),
                idempotencyKey(request.getHeader(IDEMPOTENCY_KEY)),
                correlationId(request.getHeader(CORRELATION_ID)),
                http.getMethod() + " " + http.getRequestURI(),
                ServletUriComponentsBuilder.fromContextPath(http).toUriString(),
                parties(user));
    }

    /** The parties a user belongs to, from their {@code PARTY_} authorities. */
    static java.util.List<String> parties(Authentication user) {
        return se.coop.api.Origin.partiesOf(user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList());
    }

    /** Every If-Match line as one list, as RFC 9110 combines repeated header lines. */
    private static String ifMatch(HttpServletRequest request) {
        java.util.List<String> lines = java.util.Collections.list(request.getHeaders(IF_MATCH));
        return lines.isEmpty() ? null : String.join(", ", lines);
    }

    static String role(Authentication user) {
        return user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .min(Comparator.comparing((String r) -> !r.equals("SECRETARIAT"))
                        .thenComparing(r -> r))
                .orElse("UNKNOWN");
    }

    static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.length() > 200 || !PRINTABLE.matcher(key).matches()) {
            throw new InvalidRequestException(
                    IDEMPOTENCY_KEY,
                    "must be 1 to 200 printable ASCII characters, not starting or ending with a space");
        }
        return key;
    }

    private static String correlationId(String header) {
        if (header == null) {
            return UUID.randomUUID().toString();
        }
        if (!CORRELATION.matcher(header).matches()) {
            throw new InvalidRequestException(
                    CORRELATION_ID, "must be 1 to 100 letters, digits or the characters . _ : -");
        }
        return header;
    }
}
