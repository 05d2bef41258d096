/**
 * Coop's read side. A package per read model — {@code status}, {@code history}, {@code reviews}, {@code reminders}
 * (the issued reminders, and their delivery) — each with its tables, its processing group and the query handlers
 * that read them; {@code readmodel} holds what the read models share (batches, folds, failure isolation, rebuild
 * state). The HTTP endpoints are in {@code web}; {@code admin} runs positions, rebuilds and read-your-writes;
 * {@code audit} reads the raw events and verifies their chain; {@code calendar} and {@code extract} turn the read
 * models into feeds, dossiers, registers and archive packages.
 */
package se.coop.query;
