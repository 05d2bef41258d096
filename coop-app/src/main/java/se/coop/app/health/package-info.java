/** What the health check says beyond the database: event processors that are stalled on this node. */
package se.coop.app.health;
