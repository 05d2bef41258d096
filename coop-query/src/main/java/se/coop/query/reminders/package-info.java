/**
 * Reminders once issued: the issued-reminders read model ({@link se.coop.query.reminders.IssuedReminders}), and their
 * delivery — each issued reminder becomes a delivery per recipient, sent in one digest per recipient per day by e-mail
 * (or kept and logged without SMTP), retried when sending fails, and never sent again on a replay.
 */
package se.coop.query.reminders;
