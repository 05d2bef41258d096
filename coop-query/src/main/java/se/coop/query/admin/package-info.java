/** For operators: where each read model stands, rebuilding one, and waiting for one to catch up (read-your-writes). */
package se.coop.query.admin;
