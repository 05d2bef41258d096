package se.coop.api.query;

import java.util.List;

/**
 * One page of status views, newest first. {@code totalElements} is exact up to {@link #EXACT_TOTAL_UP_TO} matches;
 * beyond that it is that number, a lower bound, and {@code totalExact} is false: counting every match of a filter that
 * matches most of a large register would cost more than the page.
 */
public record AgreementPage(
        List<AgreementStatusView> content, int page, int size, long totalElements, boolean totalExact) {

    /** The most matches a list counts exactly. */
    public static final int EXACT_TOTAL_UP_TO = 10_000;

    /** The page, its total told by {@code counted}: matches counted up to one beyond {@link #EXACT_TOTAL_UP_TO}. */
    public static AgreementPage of(List<AgreementStatusView> content, int page, int size, long counted) {
        return new AgreementPage(
                content, page, size, Math.min(counted, EXACT_TOTAL_UP_TO), counted <= EXACT_TOTAL_UP_TO);
    }
}
