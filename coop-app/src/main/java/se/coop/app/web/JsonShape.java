package se.coop.app.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;

/** The kind of JSON value a Java type is read from, so that an error can say what was expected in JSON's own words. */
enum JsonShape {
    DATE,
    DATE_TIME,
    BOOLEAN,
    WHOLE_NUMBER,
    NUMBER,
    TEXT,
    ARRAY,
    OBJECT;

    static JsonShape of(Class<?> type) {
        if (type == LocalDate.class) {
            return DATE;
        }
        if (type == OffsetDateTime.class || type == Instant.class) {
            return DATE_TIME;
        }
        if (type == Boolean.class || type == boolean.class) {
            return BOOLEAN;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return WHOLE_NUMBER;
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return NUMBER;
        }
        if (CharSequence.class.isAssignableFrom(type) || readFromText(type)) {
            return TEXT;
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return ARRAY;
        }
        if (Map.class.isAssignableFrom(type)) {
            return OBJECT;
        }
        return OBJECT;
    }

    /** A value type written as one JSON text: a record whose only component is its {@link JsonValue}, or made by a creator from text. */
    private static boolean readFromText(Class<?> type) {
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            if (components.length == 1 && components[0].getAccessor().isAnnotationPresent(JsonValue.class)) {
                return true;
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers())
                    && method.isAnnotationPresent(JsonCreator.class)
                    && method.getParameterCount() == 1
                    && method.getParameterTypes()[0] == String.class) {
                return true;
            }
        }
        return false;
    }
}
