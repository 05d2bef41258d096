package se.coop.command.web;

/**
 * Who issues a command and under which request headers: the user and role, the condition of {@code If-Match} (or
 * null), the {@code Idempotency-Key} (or null) and the correlation id; and where it arrived:
 * {@code request} ("POST /api/v1/…", part of the fingerprint a retried key is compared by) and {@code baseUrl}, under
 * which {@code Location} answers are built.
 */
public record CommandContext(
        String user,
        String role,
        IfMatch ifMatch,
        String idempotencyKey,
        String correlationId,
        String request,
        String baseUrl) {}
