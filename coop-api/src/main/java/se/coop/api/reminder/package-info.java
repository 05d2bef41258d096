/**
 * Reminders live in streams of their own, one per reminder plan (a meeting, an agreement's review cadence, a party's
 * yearly report to its council), never on the agreement: the agreement's version belongs to the secretariat.
 */
package se.coop.api.reminder;
