/**
 * Coop's shared vocabulary: typed ids, value records and error codes used by commands, events and queries.
 * Plain Java with Axon and Jackson annotations only, so every module can depend on it.
 */
package se.coop.api;
