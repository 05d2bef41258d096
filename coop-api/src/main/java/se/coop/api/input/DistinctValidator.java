package se.coop.api.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.coop.api.FocusArea;
import se.coop.api.Reviewer;
import se.coop.api.contact.Contact;

/** Checks {@link Distinct}: focus areas compare by code, reviewers by e-mail, both ignoring case; the rest by value. */
public class DistinctValidator implements ConstraintValidator<Distinct, List<?>> {

    @Override
    public boolean isValid(List<?> values, ConstraintValidatorContext context) {
        if (values == null) {
            return true;
        }
        Set<Object> seen = new HashSet<>();
        for (Object value : values) {
            Object key = key(value);
            if (key != null && !seen.add(key)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("names " + key + " twice")
                        .addConstraintViolation();
                return false;
            }
        }
        return true;
    }

    private static Object key(Object value) {
        if (value instanceof FocusArea area) {
            return area.code() == null ? null : area.code().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Reviewer reviewer) {
            return reviewer.email() == null ? null : Contact.key(reviewer.email());
        }
        return value;
    }
}
