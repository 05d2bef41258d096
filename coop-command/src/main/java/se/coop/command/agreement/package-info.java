/**
 * The Agreement aggregate and the rules of docs/domain.md it enforces. No Spring here except the one module that
 * registers the aggregate with Axon.
 */
package se.coop.command.agreement;
