package se.coop.command.agreement;

/** Deadline payload: an appeal window has passed, so an agreement waiting for legal force may now enter into force. */
public record LegalForceCheckDue(String textSha256) {}
