package io.accord.catalog.offering;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.web.AttributeFilter;
import org.springframework.data.jpa.domain.Specification;

import java.util.UUID;

/**
 * ProductOffering attributes filtered in the database: id, name, lifecycleStatus (TMF names, e.g. {@code Launched},
 * or Accord's, e.g. {@code IN_REVIEW}), isBundle, externalId, and {@code category.id}.
 */
final class OfferingFilter {

    static final String CATEGORY_ID = "category.id";

    static final AttributeFilter<ProductOffering> FILTER = AttributeFilter.<ProductOffering>of(
                    OfferingResources.Offering.class)
            .column("id", value -> equal("id", uuid(value)))
            .column("name", value -> equal("name", value))
            .column("externalId", value -> equal("externalId", value))
            .column("lifecycleStatus", value -> {
                OfferingStatus status = OfferingStatus.ofTmf(value);
                if (status == null) {
                    throw new InvalidInputException("lifecycleStatus", "unknown lifecycleStatus '" + value + "'");
                }
                return equal("status", status);
            })
            .column("isBundle", value -> switch (value) {
                case "true" -> equal("isBundle", true);
                case "false" -> equal("isBundle", false);
                default -> throw new InvalidInputException("isBundle", "isBundle is true or false");
            })
            .alsoAccepts(CATEGORY_ID);

    private OfferingFilter() {
    }

    static Specification<ProductOffering> category(String id) {
        return id == null ? Specification.unrestricted() : equal("categoryId", uuid(id));
    }

    private static Specification<ProductOffering> equal(String attribute, Object value) {
        return (root, query, builder) -> value == null ? builder.disjunction()
                : builder.equal(root.get(attribute), value);
    }

    /** The id, or {@code null} for anything that is not one, JSON's {@code null} included (a 500 before). */
    static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
