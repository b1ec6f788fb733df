package io.accord.testsupport;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a service's OpenAPI document against Accord's API docs conventions and lists every breach, so a new
 * operation without a summary, a domain operation id and tag, an example request body, its problem answers or who
 * may call it fails the service's tests. Every operation is checked, whatever decides its roles.
 */
public final class ApiDocsConventionChecks {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final String ROLES = "x-accord-roles";
    private static final String ANYONE = "anyone";

    private ApiDocsConventionChecks() {
    }

    /** Operations reachable without a token, as {@code "POST /path"}: those that carry no lock. */
    public static Set<String> unlockedOperations(JsonNode openApi) {
        Set<String> unlocked = new TreeSet<>();
        operations(openApi).forEach((name, operation) -> {
            if (!operation.has("security") || operation.get("security").isEmpty()) {
                unlocked.add(name);
            }
        });
        return unlocked;
    }

    /** Every breach of the conventions, one line each; empty when the document follows them. */
    public static List<String> breaches(JsonNode openApi) {
        List<String> breaches = new ArrayList<>();
        Set<String> operationIds = new TreeSet<>();
        operations(openApi).forEach((name, operation) -> {
            String operationId = text(operation, "operationId");
            if (text(operation, "summary").isBlank()) {
                breaches.add(name + ": no summary");
            }
            if (operationId.isBlank() || operationId.matches(".*_\\d+$") || !operationIds.add(operationId)) {
                breaches.add(name + ": operationId '" + operationId + "' is not a unique domain name");
            }
            if (!operation.has("tags") || operation.get("tags").isEmpty()) {
                breaches.add(name + ": no tag");
            } else {
                operation.get("tags").forEach(tag -> {
                    if (tag.asString().endsWith("-controller")) {
                        breaches.add(name + ": tag '" + tag.asString() + "' is a class name");
                    }
                });
            }
            JsonNode body = operation.path("requestBody").path("content");
            if (!body.isMissingNode() && !hasExample(body)) {
                breaches.add(name + ": request body without an example");
            }
            boolean locked = operation.has("security") && !operation.get("security").isEmpty();
            breaches.addAll(rolesBreaches(name, operation, locked));
            JsonNode responses = operation.path("responses");
            for (String status : expectedProblems(name, locked, !body.isMissingNode())) {
                JsonNode problem = responses.path(status).path("content").path("application/problem+json");
                if (problem.isMissingNode() || !problem.has("example")) {
                    breaches.add(name + ": no documented problem+json " + status + " with an example");
                }
            }
            for (Map.Entry<String, JsonNode> response : responses.properties()) {
                if (response.getValue().path("content").has("*/*")) {
                    breaches.add(name + ": response " + response.getKey() + " has content type */*");
                }
                if ("201".equals(response.getKey()) && !response.getValue().path("headers").has("Location")) {
                    breaches.add(name + ": 201 without a Location header");
                }
            }
        });
        return breaches;
    }

    /**
     * The description ends with "Roles: ..." (listed in {@code x-accord-roles}, {@code anyone} exactly when the
     * operation has no lock) or quotes its rule ("Authorization: `...`.").
     */
    private static List<String> rolesBreaches(String name, JsonNode operation, boolean locked) {
        String description = text(operation, "description").strip();
        String last = description.substring(description.lastIndexOf('\n') + 1);
        if (last.startsWith("Authorization: `") && last.endsWith("`.")) {
            return List.of();
        }
        if (!last.startsWith("Roles: ") || !last.endsWith(".")) {
            return List.of(name + ": description does not end with who may call it (\"Roles: ...\")");
        }
        JsonNode roles = operation.path(ROLES);
        if (!roles.isArray() || roles.isEmpty()) {
            return List.of(name + ": no " + ROLES + " listing the roles its description names");
        }
        boolean anyone = false;
        for (JsonNode role : roles) {
            anyone |= ANYONE.equals(role.asString());
        }
        if (anyone == locked) {
            return List.of(name + ": " + ROLES + " " + roles + (locked ? " says anyone, but it has a lock"
                    : " names roles, but it has no lock"));
        }
        return List.of();
    }

    private static List<String> expectedProblems(String name, boolean locked, boolean hasBody) {
        List<String> statuses = new ArrayList<>();
        if (locked) {
            statuses.addAll(List.of("401", "403"));
        }
        if (hasBody) {
            statuses.addAll(List.of("400", "415"));
        }
        if (name.contains("{")) {
            statuses.add("404");
        }
        statuses.add("429");
        return statuses;
    }

    private static boolean hasExample(JsonNode content) {
        for (JsonNode media : content) {
            if (media.has("example") || (media.has("examples") && !media.get("examples").isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, JsonNode> operations(JsonNode openApi) {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                }
            }
        }
        return operations;
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : "";
    }
}
