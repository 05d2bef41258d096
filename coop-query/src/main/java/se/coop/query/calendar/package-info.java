/** Meetings as an iCalendar (RFC 5545) feed, and the secret, revocable tokens calendar clients subscribe with. */
package se.coop.query.calendar;
