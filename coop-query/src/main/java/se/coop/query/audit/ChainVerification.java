package se.coop.query.audit;

/**
 * The result of recomputing a stream's hash chain: whether it is intact, how many events it holds, the first sequence
 * number whose hash does not match (or null), and the head hash an auditor can keep to detect a truncation later.
 */
public record ChainVerification(String agreementId, boolean intact, long events, Long brokenAt, String headHash) {}
