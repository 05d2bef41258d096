package se.coop.command.web;

/**
 * Who issues a command and under which request headers: the user and role, the expected version from
 * {@code If-Match} (or null), the {@code Idempotency-Key} (or null) and the correlation id.
 */
public record CommandContext(
        String user, String role, Long expectedVersion, String idempotencyKey, String correlationId) {}
