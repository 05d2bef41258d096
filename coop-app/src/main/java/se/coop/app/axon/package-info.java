/**
 * Axon on PostgreSQL: the JDBC event store with its hash chain, the JDBC token store and dead-letter queue, the
 * Jackson serializer for every role, and what each event records about who caused it.
 */
package se.coop.app.axon;
