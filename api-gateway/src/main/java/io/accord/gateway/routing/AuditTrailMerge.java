package io.accord.gateway.routing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Merges the services' audit trails into one page. Order: newest first by {@code occurredAt}; ties by service name,
 * then by id, highest (newest) first, so the same query always pages the same way. The page is exact when every
 * trail holds its service's newest {@code offset + limit} entries: no entry of the page can be further down.
 */
final class AuditTrailMerge {

    static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::occurredAt).reversed()
            .thenComparing(Entry::service)
            .thenComparing(Comparator.comparingLong(Entry::id).reversed());

    private AuditTrailMerge() {
    }

    static Page merge(List<ServiceTrail> trails, int offset, int limit) {
        List<Entry> page = trails.stream()
                .flatMap(trail -> trail.entries().stream())
                .sorted(NEWEST_FIRST)
                .skip(offset)
                .limit(limit)
                .toList();
        long total = trails.stream().mapToLong(ServiceTrail::total).sum();
        List<String> unanswered = trails.stream().filter(trail -> !trail.answered()).map(ServiceTrail::service)
                .toList();
        return new Page(page, total, unanswered);
    }

    /** One audit entry as its service answered it, with {@code service} added to its JSON. */
    record Entry(String service, long id, Instant occurredAt, ObjectNode json) {

        /** Reads one element of a service's answer; throws {@link IllegalArgumentException} if it is no entry. */
        static Entry from(String service, JsonNode element) {
            if (!(element instanceof ObjectNode json) || !json.path("id").isIntegralNumber()
                    || !json.path("occurredAt").isString()) {
                throw new IllegalArgumentException("not an audit entry: needs an integer id and an occurredAt");
            }
            try {
                Instant occurredAt = Instant.parse(json.get("occurredAt").stringValue());
                return new Entry(service, json.get("id").longValue(), occurredAt, json.put("service", service));
            }
            catch (DateTimeException notAnInstant) {
                throw new IllegalArgumentException("occurredAt is not an ISO-8601 instant", notAnInstant);
            }
        }
    }

    /** A service's newest entries and its total, or nothing (total 0) when it did not answer. */
    record ServiceTrail(String service, boolean answered, long total, List<Entry> entries) {

        static ServiceTrail answered(String service, long total, List<Entry> entries) {
            return new ServiceTrail(service, true, total, List.copyOf(entries));
        }

        static ServiceTrail unanswered(String service) {
            return new ServiceTrail(service, false, 0, List.of());
        }
    }

    /**
     * @param entries    the requested slice of the merged trail
     * @param total      the sum of the answering services' totals
     * @param unanswered the services that did not answer, in the order the trails were given
     */
    record Page(List<Entry> entries, long total, List<String> unanswered) {
    }
}
