package io.accord.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import tools.jackson.core.JacksonException;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Field-level violation entries of a validation problem: {@code {"field": ..., "message": ...}}. */
public final class Violations {

    private Violations() {
    }

    static Map<String, Object> of(String field, String message) {
        Map<String, Object> violation = new LinkedHashMap<>();
        violation.put("field", field);
        violation.put("message", message);
        return violation;
    }

    /**
     * A query or path parameter's violation, its message naming the parameter. A bound of {@link Min} or
     * {@link Max} with the default message names the whole range, as {@code OffsetLimit} does
     * ({@code "limit must be between 1 and 1000"}), not the one bound that was crossed ("must be greater than or
     * equal to 1"); a constraint's own message is kept.
     */
    static Map<String, Object> ofParameter(MethodParameter parameter, String name, MessageSourceResolvable error) {
        String range = isBound(error) ? range(parameter) : null;
        return of(name, range != null ? name + " must be " + range : error.getDefaultMessage());
    }

    /**
     * As {@link #ofParameter(MethodParameter, String, MessageSourceResolvable)}, for a violation that method
     * validation through a {@code @Validated} proxy found (the starter's audit, outbox and job-failure lists).
     */
    static Map<String, Object> ofParameter(ConstraintViolation<?> violation) {
        Path.Node last = null;
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            }
            last = node;
        }
        String name = last == null || last.getName() == null ? violation.getPropertyPath().toString() : last.getName();
        Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        String range = null;
        if ((constraint == Min.class || constraint == Max.class) && method != null && last != null
                && last.getKind() == ElementKind.PARAMETER && violation.getRootBeanClass() != null) {
            Method declared = ReflectionUtils.findMethod(ClassUtils.getUserClass(violation.getRootBeanClass()),
                    method.getName(), method.getParameterTypes().toArray(Class<?>[]::new));
            range = declared == null ? null
                    : range(new MethodParameter(declared, last.as(Path.ParameterNode.class).getParameterIndex()));
        }
        return of(name, range != null ? name + " must be " + range : violation.getMessage());
    }

    /** The detail of a request whose parameters are wrong: each one's message, naming it. */
    static String parametersDetail(List<Map<String, Object>> violations) {
        return violations.stream().map(v -> {
            String field = String.valueOf(v.get("field"));
            String message = String.valueOf(v.get("message"));
            return message.startsWith(field + " ") ? message : field + " " + message;
        }).distinct().collect(Collectors.joining("; "));
    }

    private static boolean isBound(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        String code = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
        return "Min".equals(code) || "Max".equals(code);
    }

    /** The parameter's {@code @Min}/{@code @Max} range in words, or {@code null} if a bound has its own message. */
    private static String range(MethodParameter parameter) {
        Min min = parameter.getParameterAnnotation(Min.class);
        Max max = parameter.getParameterAnnotation(Max.class);
        if (min != null && !min.message().equals("{jakarta.validation.constraints.Min.message}")
                || max != null && !max.message().equals("{jakarta.validation.constraints.Max.message}")) {
            return null;
        }
        if (min != null && max != null) {
            return "between " + min.value() + " and " + max.value();
        }
        return min != null ? min.value() + " or more" : max != null ? max.value() + " or less" : null;
    }

    static String fieldNames(List<Map<String, Object>> violations) {
        return violations.stream().map(v -> String.valueOf(v.get("field"))).distinct()
                .collect(Collectors.joining(", "));
    }

    /** {@code contacts[0].email} from Jackson's reference chain. */
    public static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
