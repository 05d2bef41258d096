package se.coop.command.web;

/**
 * The answer to every command: the agreement, the id of what the command created (or null), the number of events in
 * the agreement's stream after the command, and the global position of its last event.
 */
public record CommandResponse(String agreementId, String id, long version, long position) {}
