package se.coop.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that takes tens of seconds (a killed node, a restarted database, thousands of generated requests, a browser):
 * run by {@code ./mvnw -B verify} with every other test, and left out by {@code ./mvnw -B verify -P fast}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}
