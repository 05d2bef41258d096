package se.coop.api.query;

import java.util.List;

/** An agreement's history, oldest first. */
public record AgreementHistory(String agreementId, List<HistoryEntry> entries) {}
