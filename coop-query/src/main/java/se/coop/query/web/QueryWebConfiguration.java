package se.coop.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.query.admin.ReadYourWrites;

/**
 * Read-your-writes: a read with {@code Coop-Min-Position: p} waits (at most 5 s) until every read model has processed
 * position p; if it had to give up it still answers, with {@code Coop-Stale: true}. At most
 * {@code coop.read-your-writes.max-waiting} reads wait at once (32 by default), so that waiting readers can never hold
 * every request thread: beyond that, a read answers at once, with {@code Coop-Stale: true} if it is not current.
 */
@Configuration(proxyBeanMethods = false)
class QueryWebConfiguration implements WebMvcConfigurer {

    static final String MIN_POSITION = "Coop-Min-Position";
    static final String STALE = "Coop-Stale";

    private final ReadYourWrites readYourWrites;

    QueryWebConfiguration(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        String header = request.getHeader(MIN_POSITION);
                        // only signed-in readers may wait: the public calendar feeds must not fill the waits
                        if (header == null
                                || request.getUserPrincipal() == null
                                || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
                            return true;
                        }
                        long position;
                        try {
                            position = Long.parseLong(header.strip());
                        } catch (NumberFormatException e) {
                            position = -1;
                        }
                        if (position < 0) {
                            throw new CoopProblem(
                                    ErrorCode.VALIDATION_FAILED,
                                    "must be a position (a whole number from 0)",
                                    MIN_POSITION);
                        }
                        if (!readYourWrites.awaitBounded(position)) {
                            response.setHeader(STALE, "true");
                        }
                        return true;
                    }
                })
                .addPathPatterns("/api/v1/**");
    }
}
