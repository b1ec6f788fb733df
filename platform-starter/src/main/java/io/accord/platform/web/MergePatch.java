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
 * (arrays included) replaces the attribute. TMF clients echo the resource's identity ({@link #IDENTITY}: {@code id},
 * {@code href}, {@code @type}, {@code @baseType}, {@code @schemaLocation}) in their patches: a member of these equal
 * to the resource's current value changes nothing and is accepted; a different value is refused like any attribute
 * that may not change.
 */
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";
    /** Attributes a patch may repeat unchanged (they never change): the resource's identity and TMF typing. */
    public static final Set<String> IDENTITY = Set.of("id", "href", "@type", "@baseType", "@schemaLocation");

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
        ObjectNode changes = changes(current, patch, changeable);
        ObjectNode target = json.valueToTree(current);
        target.retain(changeable);
        T result;
        try {
            result = json.treeToValue(apply(target, changes), type);
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
     * What {@code patch} asks to change on {@code current} (a resource as GET shows it): the patch without the
     * {@link #IDENTITY} members that repeat the resource's current value ({@code null} for one the resource does not
     * show). A patch that is not a JSON object, or that names any other attribute outside {@code changeable} (an
     * identity member with a different value included), answers 400 naming the first such attribute and what may be
     * changed. {@code patch} does not change.
     */
    public ObjectNode changes(Object current, JsonNode patch, Set<String> changeable) {
        requireObject(patch);
        ObjectNode resource = json.valueToTree(current);
        ObjectNode changes = ((ObjectNode) patch).deepCopy();
        for (String name : patch.propertyNames()) {
            if (!changeable.contains(name) && IDENTITY.contains(name) && unchanged(resource.get(name), patch.get(name))) {
                changes.remove(name);
            }
        }
        return requireChangeable(changes, changeable);
    }

    private static boolean unchanged(JsonNode current, JsonNode requested) {
        return requested.isNull() ? current == null || current.isNull() : requested.equals(current);
    }

    /**
     * Refuses a patch that is not a JSON object, or that names an attribute outside {@code changeable}: 400 naming
     * the first such attribute and what may be changed. (Use {@link #changes} where the patch may echo the
     * resource's identity.)
     */
    public static ObjectNode requireChangeable(JsonNode patch, Set<String> changeable) {
        requireObject(patch);
        for (String name : patch.propertyNames()) {
            if (!changeable.contains(name)) {
                throw new InvalidInputException(name, "'" + name + "' cannot be changed by PATCH"
                        + (IDENTITY.contains(name) ? " (it may only repeat the resource's current value)" : "")
                        + "; changeable: " + String.join(", ", changeable.stream().sorted().toList()));
            }
        }
        return (ObjectNode) patch;
    }

    private static void requireObject(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidInputException("body", "A merge patch must be a JSON object");
        }
    }
}
