package se.coop.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.coop.api.PartyId;
import se.coop.api.input.ClientText;
import se.coop.api.input.PlausibleDates;
import se.coop.command.web.InvalidRequestException;
import se.coop.command.web.Violation;

/**
 * Query parameters keep the input rules of request bodies: text by {@link ClientText} (no control characters, broken
 * Unicode or noncharacters — PostgreSQL cannot even compare text with a NUL), dates and date-times by
 * {@link PlausibleDates}; anything else is 400 naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
class ParameterCheck implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
        // the pages' addresses and one-line forms take the same rules; the secretariat's forms are JSON bodies to be
        // (multi-line fields included), checked by the API's JSON rules when the form is read
        HandlerInterceptor pages = new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
                boolean oneLineForm = request.getRequestURI().endsWith("/calendar/feeds");
                // the register's and the calendar's party filters take a name too: only the API insists on an id
                boolean register = request.getRequestURI().equals(request.getContextPath() + "/")
                        || request.getRequestURI().equals(request.getContextPath() + "/calendar");
                return !(read || oneLineForm) || ParameterCheck.this.check(request, !register);
            }
        };
        registry.addInterceptor(pages).addPathPatterns("/", "/agreements/**", "/calendar", "/calendar/**", "/operator");
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) {
                return PlausibleDates.parse(text);
            }

            @Override
            public String print(LocalDate date, Locale locale) {
                return date.toString();
            }
        });
        registry.addFormatterForFieldType(OffsetDateTime.class, new Formatter<OffsetDateTime>() {
            @Override
            public OffsetDateTime parse(String text, Locale locale) {
                return PlausibleDates.parseDateTime(text);
            }

            @Override
            public String print(OffsetDateTime dateTime, Locale locale) {
                return dateTime.toString();
            }
        });
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        return check(request, true);
    }

    /** Every parameter by the input rules; {@code partyIds}: a {@code party} names a party by its id. */
    private boolean check(HttpServletRequest request, boolean partyIds) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = ClientText.problem(value, false);
                if (problem == null && partyIds && parameter.getKey().equals("party") && !value.isBlank()) {
                    problem = partyProblem(value.strip());
                }
                if (problem != null) {
                    violations.add(new Violation(parameter.getKey(), problem));
                    break;
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return true;
    }

    /** A party filter names a party id in the form clients use, or one stored by an earlier version of Coop. */
    private static String partyProblem(String value) {
        try {
            PartyId.of(value);
            return null;
        } catch (IllegalArgumentException e) {
            return PartyId.STRICT_FORM;
        }
    }
}
