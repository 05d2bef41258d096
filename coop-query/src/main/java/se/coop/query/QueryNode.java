package se.coop.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * A bean of a node that keeps and serves the read models: {@code coop.roles} names {@code query} (its default in coop-app's
 * {@code application.yml}, {@code command,query}, does). Which values {@code coop.roles} may hold is checked as Coop starts, in coop-app's
 * {@code NodeRolesConfiguration}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnExpression("#{'${coop.roles}'.toLowerCase().contains('query')}")
public @interface QueryNode {}
