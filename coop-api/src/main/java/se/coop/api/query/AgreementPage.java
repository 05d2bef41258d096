package se.coop.api.query;

import java.util.List;

/** One page of status views, newest first. */
public record AgreementPage(List<AgreementStatusView> content, int page, int size, long totalElements) {}
