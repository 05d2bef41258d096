/**
 * Coop's read side: one package per read model, each with its own tables, processing group and query endpoints.
 */
package se.coop.query;
