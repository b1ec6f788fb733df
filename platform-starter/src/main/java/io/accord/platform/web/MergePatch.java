package io.accord.platform.web;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.InvalidValueException;
import io.accord.platform.problem.Violations;
import io.accord.platform.time.SupportedTimes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.Set;

/**
 * JSON Merge Patch (RFC 7386), the body of TMF {@code PATCH} requests ({@code application/merge-patch+json}):
 * a member set to {@code null} removes the attribute, an object merges member by member, anything else
 * (arrays included) replaces the attribute.
 */
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final JsonMapper json;
    private final Validator validator;

    public MergePatch(JsonMapper json, Validator validator) {
        // the patched resource is read as a request body is: a time outside the supported range is the field's 400
        this.json = json.rebuild().addModule(SupportedTimes.module()).build();
        this.validator = validator;
    }

    /**
     * What the client wants the changeable part of {@code current} (a resource as GET shows it) to become: the
     * patch applied to its changeable attributes, read as {@code type} and validated. A patch naming any other
     * attribute, a value of the wrong type or an invalid result answers 400 naming the attribute.
     */
    public <T> T patched(Object current, JsonNode patch, Set<String> changeable, Class<T> type) {
        requireChangeable(patch, changeable);
        ObjectNode target = json.valueToTree(current);
        target.retain(changeable);
        T result;
        try {
            result = json.treeToValue(apply(target, patch), type);
        } catch (JacksonException wrongType) {
            String field = wrongType.getPath().isEmpty() ? "body" : Violations.path(wrongType.getPath());
            throw new InvalidInputException(field, "'" + field + "' " + (wrongType.getCause()
                    instanceof InvalidValueException refused ? refused.getMessage()
                    : "has a value of the wrong type or format"));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.stream()
                    .min(Comparator.comparing(violation -> violation.getPropertyPath().toString())).orElseThrow();
            throw new InvalidInputException(first.getPropertyPath().toString(),
                    first.getPropertyPath() + " " + first.getMessage());
        }
        return result;
    }

    /** The patched copy of {@code target}; neither argument changes. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (var member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /**
     * Refuses a patch that is not a JSON object, or that names an attribute outside {@code changeable}: 400 naming
     * the first such attribute and what may be changed.
     */
    public static ObjectNode requireChangeable(JsonNode patch, Set<String> changeable) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidInputException("body", "A merge patch must be a JSON object");
        }
        for (String name : patch.propertyNames()) {
            if (!changeable.contains(name)) {
                throw new InvalidInputException(name, "'" + name + "' cannot be changed by PATCH; changeable: "
                        + String.join(", ", changeable.stream().sorted().toList()));
            }
        }
        return (ObjectNode) patch;
    }
}
