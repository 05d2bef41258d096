package se.coop.api.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An address or identifier that people compare by eye (an e-mail address): no white space and no invisible character
 * anywhere in it, so two that look alike are alike.
 */
@Documented
@Constraint(validatedBy = Visible.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Visible {

    String message() default "must not hold white space or invisible characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link Visible}. */
    class Validator implements ConstraintValidator<Visible, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !ClientText.hasInvisible(value);
        }
    }
}
