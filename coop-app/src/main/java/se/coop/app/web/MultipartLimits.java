package se.coop.app.web;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.coop.documents.DocumentSettings;

/**
 * The servlet container's multipart limits follow {@code coop.documents.max-size}: a file part up to it, the whole body
 * up to it and {@link BodySizeLimitFilter#FORM_ALLOWANCE} for the form's other fields. The container counts what it
 * reads, so this also holds a body sent without {@code Content-Length} (chunked), which the filter cannot refuse
 * before reading: parsing stops at the limit (413), whatever the number of parts. Parts over 64 KB are spooled to
 * {@code spring.servlet.multipart.location} (else the container's temporary directory). In place of Spring Boot's
 * {@code spring.servlet.multipart.*} sizes, which could not follow the document limit.
 */
@Configuration(proxyBeanMethods = false)
class MultipartLimits {

    static final int SPOOLED_ABOVE = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(
            DocumentSettings documents, @Value("${spring.servlet.multipart.location:}") String location) {
        long maxSize = documents.maxSize().toBytes();
        return new MultipartConfigElement(
                location, maxSize, maxSize + BodySizeLimitFilter.FORM_ALLOWANCE, SPOOLED_ABOVE);
    }
}
