/**
 * The command side of the HTTP API: request bodies, the controller, and the executor that runs each command in one
 * transaction with its If-Match check and Idempotency-Key record.
 */
package se.coop.command.web;
