package io.accord.catalog.category;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.web.AttributeFilter;
import org.springframework.data.jpa.domain.Specification;

import java.util.Locale;
import java.util.UUID;

/**
 * Category attributes filtered in the database: id, code, name, lifecycleStatus, parentId and isRoot. Other simple
 * attributes (description, version, lastUpdate…) are compared on the resource.
 */
final class CategoryFilter {

    static final AttributeFilter<Category> FILTER = AttributeFilter.<Category>of(CategoryResources.CategoryResource.class)
            .column("id", value -> equal("id", uuid(value)))
            .column("code", value -> equal("code", value))
            .column("name", value -> equal("name", value))
            .column("lifecycleStatus", value -> equal("lifecycleStatus",
                    CategoryStatus.parse(value, "lifecycleStatus").label()))
            .column("parentId", value -> equal("parentId", uuid(value)))
            .column("isRoot", CategoryFilter::isRoot);

    private CategoryFilter() {
    }

    /** A null value matches nothing (an id that is no UUID names no category). */
    private static Specification<Category> equal(String attribute, Object value) {
        return (root, query, builder) -> value == null ? builder.disjunction()
                : builder.equal(root.get(attribute), value);
    }

    private static Specification<Category> isRoot(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> (root, query, builder) -> builder.isNull(root.get("parentId"));
            case "false" -> (root, query, builder) -> builder.isNotNull(root.get("parentId"));
            default -> throw new InvalidInputException("isRoot", "isRoot must be true or false");
        };
    }

    static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
