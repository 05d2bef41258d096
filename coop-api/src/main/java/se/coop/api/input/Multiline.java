package se.coop.api.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field that may span lines (a reason, a summary, a note, a dissent): it may hold TAB, LF and CR, which every
 * other text field refuses (see {@link ClientText}). On a list, it applies to the list's texts.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Multiline {}
