package se.coop.app.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * Says which range a whole number must lie in when JSON gave one too large even to read: the range the field declares
 * ({@code @Min}, {@code @Max}, {@code @PositiveOrZero}), else the range of its Java type.
 */
final class NumberRanges {

    private NumberRanges() {}

    static String describe(JacksonException e, Class<?> targetType) {
        long min = targetType == Long.class || targetType == long.class ? Long.MIN_VALUE : Integer.MIN_VALUE;
        long max = targetType == Long.class || targetType == long.class ? Long.MAX_VALUE : Integer.MAX_VALUE;
        AnnotatedElement component = component(e.getPath());
        if (component != null) {
            Min declaredMin = component.getAnnotation(Min.class);
            Max declaredMax = component.getAnnotation(Max.class);
            if (declaredMin != null) {
                min = declaredMin.value();
            } else if (component.isAnnotationPresent(PositiveOrZero.class)) {
                min = 0;
            } else if (component.isAnnotationPresent(Positive.class)) {
                min = 1;
            }
            if (declaredMax != null) {
                max = declaredMax.value();
            }
        }
        return "is out of range: must be a whole number from " + min + " to " + max;
    }

    /**
     * Where the constraints of the number the path ends in are: the field of a record component, or — for a member of
     * a list — the list's element type ({@code List<@Min(0) @Max(365) Integer>}).
     */
    private static AnnotatedElement component(List<JacksonException.Reference> path) {
        if (path.isEmpty()) {
            return null;
        }
        JacksonException.Reference last = path.get(path.size() - 1);
        if (last.getIndex() >= 0 && path.size() > 1) {
            AnnotatedElement list = component(path.subList(0, path.size() - 1));
            if (list instanceof java.lang.reflect.Field field
                    && field.getAnnotatedType() instanceof AnnotatedParameterizedType parameterized
                    && parameterized.getAnnotatedActualTypeArguments().length == 1) {
                return parameterized.getAnnotatedActualTypeArguments()[0];
            }
            return null;
        }
        Object from = last.from();
        Class<?> owner = from instanceof Class<?> type ? type : from == null ? null : from.getClass();
        if (owner == null || !owner.isRecord() || last.getPropertyName() == null) {
            return null;
        }
        for (RecordComponent component : owner.getRecordComponents()) {
            if (component.getName().equals(last.getPropertyName())) {
                try {
                    return owner.getDeclaredField(component.getName());
                } catch (NoSuchFieldException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
