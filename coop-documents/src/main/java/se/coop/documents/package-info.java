/**
 * The document store (docs/decisions/0008): uploads kept by the SHA-256 of their bytes in chunks in Coop's own
 * database, their format detected from the bytes, PDFs checked for PDF/A in the background, every chunk checked when
 * read and by a scrub, removal of an upload no agreement names and culling under the archive authority's decision.
 */
package se.coop.documents;
