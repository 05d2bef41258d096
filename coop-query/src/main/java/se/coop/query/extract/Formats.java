package se.coop.query.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;

/**
 * Which of a download's formats a request asks for: the {@code format} parameter when given (anything else is 400,
 * naming the accepted values), else the first format the {@code Accept} header takes by its quality (a browser's
 * {@code text/html} takes the first format people read), else the first format; an Accept header that takes none of
 * them is 406; {@code q=0} refuses a format even beside a wildcard.
 */
final class Formats {

    /** A download format: its name in {@code format=} and its media type. */
    record Format(String name, MediaType mediaType, boolean forPeople) {}

    private Formats() {}

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
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException e) {
            throw new CoopProblem(ErrorCode.NOT_ACCEPTABLE, "The Accept header cannot be read: " + accept);
        }
        // q=0 refuses a type outright, whatever a wildcard beside it takes
        List<Format> refused = formats.stream()
                .filter(f -> accepted.stream()
                        .anyMatch(m -> m.getQualityValue() == 0 && m.includes(f.mediaType()) && !m.isWildcardType()))
                .toList();
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType wanted : accepted) {
            if (wanted.getQualityValue() == 0) {
                continue;
            }
            if (wanted.getType().equals("text") && wanted.getSubtype().equals("html")) {
                for (Format f : formats) {
                    if (f.forPeople() && !refused.contains(f)) {
                        return f;
                    }
                }
            }
            for (Format f : formats) {
                if (wanted.includes(f.mediaType()) && !refused.contains(f)) {
                    return f;
                }
            }
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
}
