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
        return messages.getMessage(key, isolated(args), key, LocaleContextHolder.getLocale());
    }

    /**
     * The arguments of a sentence, each text isolated when it holds a direction control ({@link se.coop.api.Bidi}):
     * what a user typed cannot turn the words of the sentence around it.
     */
    static Object[] isolated(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] isolated = args.clone();
        for (int i = 0; i < isolated.length; i++) {
            if (isolated[i] instanceof String text) {
                isolated[i] = se.coop.api.Bidi.isolate(text);
            }
        }
        return isolated;
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
