/**
 * The log written one event to a line: whatever a user typed (a summary with a line break, a control character) is
 * escaped before it reaches the log, so no user text can add a line that looks like Coop's own (log forging).
 */
package se.coop.app.logging;
