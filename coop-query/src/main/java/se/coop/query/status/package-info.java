/**
 * The status read model: one row per agreement. Its fold is shared by the live projection, {@code asOf} (events
 * recorded by an instant) and {@code validOn} (the state by the decisions' own dates), so they cannot disagree.
 */
package se.coop.query.status;
