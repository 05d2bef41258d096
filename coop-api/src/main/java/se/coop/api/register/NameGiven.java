package se.coop.api.register;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An organisation's names: at least one of Swedish, Danish and English given (none given at all is the same). */
@Documented
@Constraint(validatedBy = NameGiven.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface NameGiven {

    String message() default "must name the organisation in at least one of sv, da and en";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link NameGiven}. */
    class Check implements ConstraintValidator<NameGiven, PartyNames> {
        @Override
        public boolean isValid(PartyNames names, ConstraintValidatorContext context) {
            return names != null && !names.none();
        }
    }
}
