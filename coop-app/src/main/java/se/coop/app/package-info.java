/** The runnable Coop: wiring of the modules, the database, Axon, security and the HTTP error contract. */
package se.coop.app;
