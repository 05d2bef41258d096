/**
 * The events of an agreement's stream, past tense, one record per file. Events are immutable and versioned: a change of
 * shape raises {@code @Revision} and comes with an upcaster.
 */
package se.coop.api.event;
