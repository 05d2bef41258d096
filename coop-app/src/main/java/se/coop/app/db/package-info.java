/**
 * The database: an embedded PostgreSQL under {@code ./data} when none is configured (the zero-setup default), or the
 * server {@code SPRING_DATASOURCE_URL} names.
 */
package se.coop.app.db;
