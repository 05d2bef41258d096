package se.coop.query.extract;

import java.util.List;
import org.springframework.http.MediaType;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;

/**
 * Which of a download's formats a request asks for (and whether it asks for the document at all, {@link #headOnly}): the {@code format} parameter when given (anything else is 400,
 * naming the accepted values), else the first format the {@code Accept} header takes by its quality (a browser's
 * {@code text/html} takes the first format people read), else the first format; an Accept header that takes none of
 * them is 406. Each format gets the quality of the most specific range that takes it ({@code q=0} refuses it even
 * beside a wildcard); the best wins, the earlier format on a tie.
 */
final class DownloadFormats {

    /** A download format: its name in {@code format=} and its media type. */
    record Format(String name, MediaType mediaType, boolean forPeople) {}

    private DownloadFormats() {}

    /** A HEAD is answered with the headers a GET would have, without making the document. */
    static boolean headOnly(jakarta.servlet.http.HttpServletRequest request) {
        return "HEAD".equals(request.getMethod());
    }

    static Format choose(String format, String accept, List<Format> formats) {
        String names = String.join(", ", formats.stream().map(Format::name).toList());
        if (format != null) {
            return formats.stream()
                    .filter(f -> f.name().equalsIgnoreCase(format.strip()))
                    .findFirst()
                    .orElseThrow(() ->
                            new CoopProblem(ErrorCode.VALIDATION_FAILED, "format must be one of " + names, "format"));
        }
        if (accept == null || accept.isBlank()) {
            return formats.get(0);
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            throw new CoopProblem(ErrorCode.NOT_ACCEPTABLE, "The Accept header cannot be read: " + accept);
        }
        Format best = null;
        double bestQuality = 0;
        for (Format f : formats) {
            double quality = quality(f, accepted);
            if (quality > bestQuality) {
                best = f;
                bestQuality = quality;
            }
        }
        if (best != null) {
            return best;
        }
        throw new CoopProblem(
                ErrorCode.NOT_ACCEPTABLE,
                "This download comes as " + names + " ("
                        + String.join(
                                ", ",
                                formats.stream()
                                        .map(f -> f.mediaType().toString())
                                        .toList())
                        + "); the Accept header takes none of them.");
    }

    /**
     * How much the Accept header wants {@code format} (RFC 9110, 12.5.1): the quality of the most specific media range
     * that takes it — its own type, then {@code type/*}, then {@code *}{@code /*}; a browser's {@code text/html} counts as
     * its own type for the format people read. 0: not at all.
     */
    private static double quality(Format format, List<MediaType> accepted) {
        int specificity = -1;
        double quality = 0;
        for (MediaType range : accepted) {
            int rank;
            if (range.includes(format.mediaType())) {
                rank = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
            } else if (format.forPeople()
                    && range.getType().equals("text")
                    && range.getSubtype().equals("html")) {
                rank = 2;
            } else {
                continue;
            }
            if (rank > specificity || (rank == specificity && range.getQualityValue() > quality)) {
                specificity = rank;
                quality = range.getQualityValue();
            }
        }
        return quality;
    }
}
