package se.coop.command.web;

/** One reason a request was refused as bad input: the field (a JSON path or header name) and what is wrong. */
public record Violation(String field, String message) {}
