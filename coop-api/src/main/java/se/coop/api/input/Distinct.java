package se.coop.api.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list whose members must differ: the same approval, offset, focus-area code (in any case) or reviewer e-mail (in any
 * case) named twice is a mistake, refused rather than silently merged.
 */
@Documented
@Constraint(validatedBy = DistinctValidator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Distinct {

    String message() default "names the same member twice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
