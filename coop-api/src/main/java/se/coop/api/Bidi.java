package se.coop.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the direction controls in a user's text to that text (Unicode Bidirectional Algorithm, UAX #9): a text that
 * holds one is shown between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069), its own unmatched
 * closers dropped and its open embeddings, overrides and isolates closed, so that a title holding U+202E (RIGHT-TO-LEFT
 * OVERRIDE) cannot turn the words Coop writes after it. Text without such a control is left as it is. The pages do
 * the same for every text they show ({@code BidiIsolation} in coop-web), plain text (history, reminders, calendars)
 * through this class.
 */
public final class Bidi {

    /** FIRST STRONG ISOLATE: opens an isolate whose direction its first strong character sets. */
    public static final char FSI = '\u2068';

    /** POP DIRECTIONAL ISOLATE: closes an isolate. */
    public static final char PDI = '\u2069';

    private static final char PDF = '\u202C';

    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private Bidi() {}

    /** Whether the text holds a character that sets or changes the direction of the text around it. */
    public static boolean hasControls(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (control(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean control(char c) {
        return (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C';
    }

    /** The text isolated from what surrounds it when it holds a direction control; else the text itself. */
    public static String isolate(String text) {
        if (!hasControls(text)) {
            return text;
        }
        return FSI + balanced(text) + PDI;
    }

    /** The text without its direction controls: for a renderer that draws text without the bidirectional algorithm. */
    public static String withoutControls(String text) {
        if (!hasControls(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!control(text.charAt(i))) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    /**
     * The text with every closer that closes nothing of the text's own dropped (so it cannot close the isolate around
     * it) and every embedding, override or isolate it leaves open closed at its end.
     */
    static String balanced(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u202A' && c <= '\u202E' && c != PDF) {
                open.push(PDF);
            } else if (c >= '\u2066' && c <= '\u2068') {
                open.push(PDI);
            } else if (c == PDI) {
                if (!open.contains(PDI)) {
                    continue;
                }
                // a PDI also closes the embeddings opened inside its isolate (UAX #9, X6a)
                while (open.pop() != PDI) {
                    // popped
                }
            } else if (c == PDF) {
                // a PDF closes only an embedding or override opened in the same isolate (X7)
                if (open.isEmpty() || open.peek() != PDF) {
                    continue;
                }
                open.pop();
            } else if (c == '\n' || c == '\r' || c == '\u2029') {
                // a paragraph ends every embedding: close them before it, as the text would be read in one line
                while (!open.isEmpty()) {
                    out.append(open.pop());
                }
            }
            out.append(c);
        }
        while (!open.isEmpty()) {
            out.append(open.pop());
        }
        return out.toString();
    }

    /**
     * The record with every text in it isolated ({@link #isolate}), records, lists and maps inside it too; the same
     * record when none holds a direction control.
     */
    @SuppressWarnings("unchecked")
    public static <T> T isolated(T value) {
        return (T) walk(value);
    }

    private static Object walk(Object value) {
        if (value instanceof String text) {
            return isolate(text);
        }
        if (value instanceof Record record) {
            RecordComponent[] components =
                    COMPONENTS.computeIfAbsent(record.getClass(), type -> type.getRecordComponents());
            Object[] values = new Object[components.length];
            boolean changed = false;
            for (int i = 0; i < components.length; i++) {
                Object before = component(record, components[i]);
                values[i] = walk(before);
                changed |= values[i] != before;
            }
            return changed ? construct(record.getClass(), components, values) : record;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            boolean changed = false;
            for (Object item : list) {
                Object after = walk(item);
                out.add(after);
                changed |= after != item;
            }
            return changed ? List.copyOf(out) : list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object after = walk(entry.getValue());
                out.put(entry.getKey(), after);
                changed |= after != entry.getValue();
            }
            return changed ? out : map;
        }
        return value;
    }

    private static Object component(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] values) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.trySetAccessible();
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + type.getName(), e);
        }
    }
}
