package io.accord.orchestration.order;

import io.accord.orchestration.saga.StepContext;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads what the order's steps carry in their payloads (written by {@link Decomposition}). */
final class StepPayloads {

    private StepPayloads() {
    }

    static UUID productId(StepContext step) {
        return UUID.fromString(step.payload().path("productId").asString());
    }

    static List<String> references(StepContext step) {
        List<String> references = new ArrayList<>();
        step.payload().path("references").forEach(reference -> references.add(reference.asString()));
        return references;
    }

    static Map<String, String> characteristics(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        return values;
    }

    /** The resource type of a reservation reference {@code <productId>:<type>:<unit>}. */
    static String resourceType(String reference) {
        String[] parts = reference.split(":");
        return parts.length == 3 ? parts[1] : "";
    }
}
