/** What this node does: commands, queries, or both ({@code coop.roles}). */
package se.coop.app.roles;
