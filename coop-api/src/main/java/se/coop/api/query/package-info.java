/**
 * What the read side answers: the queries ({@code Find…}, {@code List…}) and their result records, as API.md shapes
 * them.
 */
package se.coop.api.query;
