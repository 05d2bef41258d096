/** The contact register on PostgreSQL and its HTTP API (docs/decisions/0007). */
package se.coop.app.contacts;
