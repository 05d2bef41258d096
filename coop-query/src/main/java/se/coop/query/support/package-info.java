/** What the read models share: events as recorded, the rebuild state of each projection, and where events stand. */
package se.coop.query.support;
