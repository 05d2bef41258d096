package se.coop.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementState;
import se.coop.query.extract.RegisterWords;

/**
 * The register's export in the pages' own words (messages*.properties): headers under {@code column.<name>}, a state
 * and a kind under the keys the pages show them by, yes and no — so a spreadsheet says what the register page says.
 */
@Component
class MessageRegisterWords implements RegisterWords {

    private final MessageSource messages;

    MessageRegisterWords(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public String header(String column, String lang) {
        return messages.getMessage("column." + column, null, column, locale(lang));
    }

    @Override
    public Object value(Object value, String lang) {
        String key = null;
        if (value instanceof AgreementState state) {
            key = "state." + state.name();
        } else if (value instanceof AgreementKind kind) {
            key = "kind." + kind.name();
        } else if (value instanceof Boolean yes) {
            key = yes ? "yes" : "no";
        }
        return key == null ? value : messages.getMessage(key, null, value.toString(), locale(lang));
    }

    private static Locale locale(String lang) {
        return switch (lang) {
            case "da" -> Languages.DANISH;
            case "en" -> Locale.ENGLISH;
            default -> Languages.SWEDISH;
        };
    }
}
