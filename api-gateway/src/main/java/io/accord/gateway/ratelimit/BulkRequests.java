package io.accord.gateway.ratelimit;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

import java.util.List;
import java.util.Set;

/**
 * The bulk ingestion requests ({@code accord.gateway.rate-limit.bulk-requests}), each {@code METHOD /path/pattern}:
 * they take from a partner's bulk bucket instead of its interactive one. Parsed at start, so a bad entry fails the
 * start.
 */
final class BulkRequests {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final List<Entry> entries;

    BulkRequests(List<String> configured) {
        this.entries = configured.stream().map(BulkRequests::parse).toList();
    }

    boolean matches(ServerHttpRequest request) {
        if (entries.isEmpty()) {
            return false;
        }
        PathContainer path = request.getPath().pathWithinApplication();
        for (Entry entry : entries) {
            if (entry.method().equals(request.getMethod()) && entry.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static Entry parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s+", 2);
        if (parts.length != 2 || !METHODS.contains(parts[0].toUpperCase()) || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("accord.gateway.rate-limit.bulk-requests: \"" + text
                    + "\" is not METHOD /path/pattern, e.g. POST /tmf-api/usageManagement/v4/usage/batch");
        }
        try {
            return new Entry(HttpMethod.valueOf(parts[0].toUpperCase()),
                    PathPatternParser.defaultInstance.parse(parts[1]));
        }
        catch (PatternParseException e) {
            throw new IllegalArgumentException("accord.gateway.rate-limit.bulk-requests: bad path pattern in \""
                    + text + "\": " + e.getMessage());
        }
    }

    private record Entry(HttpMethod method, PathPattern pattern) {
    }
}
