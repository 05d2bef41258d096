package se.coop.api.input;

/** The body of commands that take no fields: {@code {}} (or no body at all). */
public record EmptyBody() {}
