package io.accord.platform.problem;

import tools.jackson.core.JacksonException;

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
