package se.coop.api.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks {@link WebAddress}. */
public class WebAddressValidator implements ConstraintValidator<WebAddress, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || valid(value);
    }

    static boolean valid(String value) {
        if (ClientText.hasInvisible(value)) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null) {
            return false;
        }
        return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "https", "http" -> uri.getHost() != null && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null;
            case "urn" ->
                uri.getSchemeSpecificPart() != null
                        && uri.getSchemeSpecificPart().matches("[A-Za-z0-9][A-Za-z0-9-]{0,31}:\\S+");
            default -> false;
        };
    }
}
