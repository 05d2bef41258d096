package se.coop.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The pages' words in the page's language (messages*.properties), for the code that builds a page. */
@Component
public class Words {

    private final MessageSource messages;

    Words(MessageSource messages) {
        this.messages = messages;
    }

    /** The words under {@code key}, or the key itself when there are none. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** A select's options: each value with its words under {@code prefix + name}. */
    public List<String[]> options(Enum<?>[] values, String prefix) {
        List<String[]> options = new ArrayList<>();
        for (Enum<?> value : values) {
            options.add(new String[] {value.name(), text(prefix + value.name())});
        }
        return options;
    }
}
