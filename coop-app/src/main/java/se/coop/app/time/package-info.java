/** The one clock: Coop's, Axon's event timestamps and db-scheduler's all read the same {@link java.time.Clock}. */
package se.coop.app.time;
