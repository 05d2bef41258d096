/**
 * Reminders: a plan per meeting (and per agreement's review cadence, and per party's yearly council report) that
 * issues each reminder on a durable timer, in a stream of its own; and the saga that plans them from what happens
 * to the agreement.
 */
package se.coop.command.reminders;
