package io.accord.platform.web;

import io.accord.platform.problem.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A TMF list answer after {@link AttributeFilter}: database-filtered pages pass straight through; when some
 * filters compare attributes on the resource, the candidates the database selected are read in batches (at most
 * {@link #MAX_SCAN}, else 400 asking for a narrower, database-backed filter), compared, and paged in memory.
 * Either way the answer carries {@code X-Total-Count} and {@code X-Result-Count}.
 */
public class ResourceLists {

    /** The most candidates compared in memory for one request. */
    public static final int MAX_SCAN = 5_000;
    private static final int BATCH = 500;

    private final JsonMapper json;

    public ResourceLists(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param criteria the request's filters
     * @param paging   what the client asked for
     * @param query    the database query, already restricted by {@code criteria.database()} and the caller's
     *                 tenancy, for one page
     * @param toResource the entity (or view) as the client sees it
     */
    public <E, R> ResponseEntity<List<R>> list(AttributeFilter.Criteria<?> criteria, OffsetLimit paging,
                                               Function<Pageable, Page<E>> query, Function<E, R> toResource) {
        if (criteria.onResource().isEmpty()) {
            return PagedResponse.of(query.apply(paging), toResource);
        }
        List<R> matches = new ArrayList<>();
        Page<E> batch = query.apply(OffsetLimit.of(0, BATCH, paging.getSort()));
        if (batch.getTotalElements() > MAX_SCAN) {
            String attribute = criteria.onResource().keySet().iterator().next();
            throw new InvalidInputException(attribute, "Filtering by '" + attribute + "' compares at most " + MAX_SCAN
                    + " resources and " + batch.getTotalElements() + " are candidates; narrow the list with a "
                    + "database-backed filter first");
        }
        while (true) {
            for (E entity : batch.getContent()) {
                R resource = toResource.apply(entity);
                if (matches(json.valueToTree(resource), criteria.onResource())) {
                    matches.add(resource);
                }
            }
            if (!batch.hasNext()) {
                break;
            }
            batch = query.apply(batch.nextPageable());
        }
        int from = (int) Math.min(paging.getOffset(), matches.size());
        int to = Math.min(from + paging.getPageSize(), matches.size());
        return PagedResponse.of(new PageImpl<>(matches.subList(from, to), paging, matches.size()), r -> r);
    }

    static boolean matches(JsonNode resource, Map<String, Set<String>> criteria) {
        return criteria.entrySet().stream().allMatch(criterion -> {
            JsonNode value = resource.get(criterion.getKey());
            if (value == null || value.isNull()) {
                return false;
            }
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (element.isValueNode() && criterion.getValue().contains(element.asString())) {
                        return true;
                    }
                }
                return false;
            }
            return value.isValueNode() && criterion.getValue().contains(value.asString());
        });
    }
}
