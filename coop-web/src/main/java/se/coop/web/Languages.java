package se.coop.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages speak Swedish, Danish and English: the browser's {@code Accept-Language} chooses, Swedish when it names
 * none of them, and {@code ?lang=sv|da|en} (the switch in every page's header) overrides it in a cookie.
 */
@Configuration(proxyBeanMethods = false)
public class Languages implements WebMvcConfigurer {

    public static final Locale SWEDISH = Locale.forLanguageTag("sv");
    public static final Locale DANISH = Locale.forLanguageTag("da");
    public static final List<Locale> SUPPORTED = List.of(SWEDISH, DANISH, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("coop-lang") {
            /** A cookie naming anything but sv, da or en (set by hand, or by another site on this host) is ignored. */
            @Override
            protected Locale parseLocaleValue(String value) {
                for (Locale supported : SUPPORTED) {
                    if (supported.getLanguage().equals(value)) {
                        return supported;
                    }
                }
                return null;
            }
        };
        resolver.setRejectInvalidCookies(false);
        resolver.setDefaultLocaleFunction(Languages::fromBrowser);
        return resolver;
    }

    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return SWEDISH;
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return SWEDISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(new SupportedOnly(change))
                .addPathPatterns("/**")
                .excludePathPatterns("/api/**", "/actuator/**", "/v3/**", "/swagger-ui/**");
    }

    /** Only sv, da and en switch the language; any other value is ignored. */
    private record SupportedOnly(LocaleChangeInterceptor change)
            implements org.springframework.web.servlet.HandlerInterceptor {
        @Override
        public boolean preHandle(
                HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Object handler)
                throws jakarta.servlet.ServletException {
            String lang = request.getParameter("lang");
            if (lang != null
                    && SUPPORTED.stream().noneMatch(l -> l.getLanguage().equals(lang))) {
                return true;
            }
            return change.preHandle(request, response, handler);
        }
    }
}
