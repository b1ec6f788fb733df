package io.accord.platform.audit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Keeps personal data out of an audit entry's before and after states: the append-only, hash-chained trail can never
 * erase it again. The values at the given fields (property names, dotted for nested ones; a field holding an object
 * stands for each of its values) become {@link #MARKER}; which of them changed is listed by name in
 * {@link #CHANGED} of the after state (of the before state on a deletion). Missing and null values stay as they are,
 * so the entry still shows which fields were set.
 */
final class PersonalDataRedaction {

    /** What an entry shows instead of a personal value. */
    static final String MARKER = "(personal data, not audited)";
    /** The property naming the personal fields whose value changed. */
    static final String CHANGED = "personalDataChanged";

    private PersonalDataRedaction() {
    }

    /** The before and after states, redacted; each may be null. */
    static JsonNode[] redact(JsonNode before, JsonNode after, Collection<String> fields) {
        Map<String, JsonNode> old = new java.util.HashMap<>();
        Map<String, JsonNode> now = new java.util.HashMap<>();
        for (String field : fields) {
            leaves(before, field, old);
            leaves(after, field, now);
        }
        TreeSet<String> changed = new TreeSet<>();
        TreeSet<String> all = new TreeSet<>(old.keySet());
        all.addAll(now.keySet());
        for (String path : all) {
            if (!Objects.equals(normal(old.get(path)), normal(now.get(path)))) {
                changed.add(path);
            }
        }
        JsonNode redactedBefore = masked(before, old.keySet());
        JsonNode redactedAfter = masked(after, now.keySet());
        JsonNode carrier = redactedAfter != null ? redactedAfter : redactedBefore;
        if (carrier instanceof ObjectNode object && !changed.isEmpty()) {
            ArrayNode names = object.putArray(CHANGED);
            changed.forEach(names::add);
        }
        return new JsonNode[] {redactedBefore, redactedAfter};
    }

    private static JsonNode normal(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    /** The values (not null) at {@code path} and below, by their dotted path. */
    private static void leaves(JsonNode root, String path, Map<String, JsonNode> into) {
        JsonNode node = at(root, path);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                leaves(root, path + "." + member.getKey(), into);
            }
            return;
        }
        into.put(path, node);
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(name);
        }
        return node;
    }

    private static JsonNode masked(JsonNode root, Collection<String> paths) {
        if (root == null) {
            return null;
        }
        JsonNode copy = root.deepCopy();
        for (String path : paths) {
            List<String> names = new ArrayList<>(List.of(path.split("\\.")));
            String last = names.removeLast();
            JsonNode parent = copy;
            for (String name : names) {
                parent = parent.get(name);
            }
            ((ObjectNode) parent).set(last, JsonNodeFactory.instance.stringNode(MARKER));
        }
        return copy;
    }
}
