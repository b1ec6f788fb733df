package io.accord.catalog.offering;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Bundles contain offerings, never themselves through any path. The graph is the owner's bundles by external id:
 * the batch's drafts replace the stored components of the offerings they change.
 */
final class BundleCycles {

    private BundleCycles() {
    }

    static void check(List<OfferingValidation.Row> rows, Map<String, ProductOffering> existing,
                      BiConsumer<OfferingValidation.Row, String> cycle) {
        Map<String, List<String>> graph = new HashMap<>();
        Map<java.util.UUID, String> keyOf = new HashMap<>();
        existing.values().forEach(offering -> keyOf.put(offering.id(), offering.externalId()));
        existing.values().forEach(offering -> graph.put(offering.externalId(),
                offering.components().stream().map(keyOf::get).filter(java.util.Objects::nonNull).toList()));
        rows.forEach(row -> graph.put(row.draft().externalId(), row.draft().bundledOfferingExternalIds()));
        for (OfferingValidation.Row row : rows) {
            if (!row.draft().bundledOfferingExternalIds().isEmpty()
                    && reaches(graph, row.draft().bundledOfferingExternalIds(), row.draft().externalId(), new HashSet<>())) {
                cycle.accept(row, "bundledOfferingExternalIds");
            }
        }
    }

    private static boolean reaches(Map<String, List<String>> graph, List<String> from, String target,
                                   Set<String> visited) {
        for (String next : from) {
            if (next.equals(target)) {
                return true;
            }
            if (visited.add(next) && reaches(graph, graph.getOrDefault(next, List.of()), target, visited)) {
                return true;
            }
        }
        return false;
    }
}
