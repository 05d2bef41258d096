/**
 * What the read side answers: the queries ({@code Find…}, {@code List…}) and their result records, as docs/api.md shapes
 * them.
 */
package se.coop.api.query;
