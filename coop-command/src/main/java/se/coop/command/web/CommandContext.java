package se.coop.command.web;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/**
 * Who issues a command and under which request headers: the user and role, the condition of {@code If-Match} (or
 * null), the {@code Idempotency-Key} (or null) and the correlation id; and where it arrived:
 * {@code request} ("POST /api/v1/…", part of the fingerprint a retried key is compared by) and {@code baseUrl}, under
 * which {@code Location} answers are built; {@code userParties}: the parties the user belongs to (their
 * {@code PARTY_} authorities), which the history names beside the party a command is for.
 */
public record CommandContext(
        String user,
        String role,
        IfMatch ifMatch,
        String idempotencyKey,
        String correlationId,
        String request,
        String baseUrl,
        List<String> userParties) {

    public CommandContext {
        userParties = userParties == null ? List.of() : List.copyOf(userParties);
    }

    /**
     * The context of a command sent from one of Coop's own pages: the signed-in user and role as the HTTP API reads
     * them, the version the page showed as its {@code If-Match}, and the idempotency key the form carried.
     */
    public static CommandContext of(
            Authentication user, Long shownVersion, String idempotencyKey, String request, String baseUrl) {
        return new CommandContext(
                user.getName(),
                CommandContextResolver.role(user),
                shownVersion == null ? null : IfMatch.parse("\"" + shownVersion + "\""),
                CommandContextResolver.idempotencyKey(idempotencyKey),
                UUID.randomUUID().toString(),
                request,
                baseUrl,
                CommandContextResolver.parties(user));
    }
}
