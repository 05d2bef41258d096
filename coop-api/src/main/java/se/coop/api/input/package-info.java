/**
 * The rules every value a client sends must keep, whatever the field: text without control characters or broken
 * Unicode, dates inside the plausible window, web addresses, distinct list members. The HTTP layer applies them to
 * every request; stored events are never checked against them again, so a stricter rule cannot make old data unreadable.
 */
package se.coop.api.input;
