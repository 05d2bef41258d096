package se.coop.api.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a document can be found: an absolute {@code https:} or {@code http:} address with a host (and no user name or
 * password in it), or a {@code urn:} (e.g. an archive's identifier), without white space or invisible characters.
 * Anything a browser would run or open locally ({@code javascript:}, {@code data:}, {@code file:}) is refused.
 */
@Documented
@Constraint(validatedBy = WebAddressValidator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface WebAddress {

    String message() default "must be an https: or http: address (or a urn:)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
