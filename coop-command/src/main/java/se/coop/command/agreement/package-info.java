/**
 * The Agreement aggregate and the rules of DOMAIN.md it enforces. No Spring here except the one module that
 * registers the aggregate with Axon.
 */
package se.coop.command.agreement;
