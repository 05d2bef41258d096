/**
 * The command side of the HTTP API: request bodies, the controller, {@code CommandSender} (the caller's side: who is
 * asking and what the request asked for, put on the command) and {@code CommandGuard} (on the command bus: the
 * Idempotency-Key's first answer, the agreement's lock, If-Match, the answer kept with the key).
 */
package se.coop.command.web;
