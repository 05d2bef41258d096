/**
 * The document store as the rest of Coop sees it: documents kept by their SHA-256 (docs/decisions/0008), what Coop
 * holds of them, and which agreements name them. Agreements name documents by hash; whether Coop holds one is a fact
 * of the store, found when read.
 */
package se.coop.api.document;
