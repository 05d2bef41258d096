package se.coop.api.query;

/** A document attached by its hash. */
public record DocumentView(String documentId, String title, String sha256, String mediaType, long size, String uri) {}
