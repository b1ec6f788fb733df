package io.accord.rating.ingest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds JSON to the schemas of the service's OpenAPI document as far as a client generated from it relies on them:
 * no member outside a schema's properties, the required ones there, each value of its type and within its enum and
 * item limits. A {@code null} is taken as absent (the answers write absent values so).
 */
final class DocumentedShapes {

    private final JsonNode docs;

    DocumentedShapes(JsonNode docs) {
        this.docs = docs;
    }

    /** The schema {@code schema} is or refers to ({@code $ref}s followed). */
    JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            resolved = docs.at(resolved.get("$ref").asString().substring(1));
        }
        return resolved;
    }

    /** Where {@code value} departs from {@code schema}, one line each; empty when it conforms. */
    List<String> departures(JsonNode value, JsonNode schema) {
        List<String> departures = new ArrayList<>();
        check(value, resolve(schema), "$", departures);
        return departures;
    }

    /** A value of the schema's type, for a member a request may hold but an example leaves out. */
    JsonNode sample(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        List<String> types = types(resolved);
        if (resolved.has("properties") || types.contains("object")) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (types.contains("array")) {
            return JsonNodeFactory.instance.arrayNode();
        }
        return JsonNodeFactory.instance.stringNode("x");
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> departures) {
        JsonNode resolved = resolve(schema);
        if (value.isNull()) {
            return;
        }
        List<String> types = types(resolved);
        if (!types.isEmpty() && types.stream().noneMatch(type -> is(value, type))) {
            departures.add(at + ": " + value + " is not of type " + types);
            return;
        }
        if (resolved.has("enum") && !strings(resolved.get("enum")).contains(value.asString())) {
            departures.add(at + ": " + value + " is not one of " + resolved.get("enum"));
        }
        if (value.isObject()) {
            for (String required : strings(resolved.path("required"))) {
                if (!value.has(required)) {
                    departures.add(at + ": the required " + required + " is missing");
                }
            }
            JsonNode properties = resolved.path("properties");
            value.properties().forEach(member -> {
                if (properties.has(member.getKey())) {
                    check(member.getValue(), properties.get(member.getKey()), at + "." + member.getKey(), departures);
                } else if (!properties.isMissingNode()) {
                    departures.add(at + "." + member.getKey() + " is not documented");
                }
            });
        }
        if (value.isArray()) {
            if (resolved.has("minItems") && value.size() < resolved.get("minItems").asInt()
                    || resolved.has("maxItems") && value.size() > resolved.get("maxItems").asInt()) {
                departures.add(at + ": " + value.size() + " items, not " + resolved.path("minItems") + " to "
                        + resolved.path("maxItems"));
            }
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), resolved.path("items"), at + "[" + i + "]", departures);
            }
        }
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? strings(type) : type.isString() ? List.of(type.asString()) : List.of();
    }

    private static boolean is(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> false;
        };
    }

    static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asString()));
        return strings;
    }
}
