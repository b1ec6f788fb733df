package io.accord.catalog.offering;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.web.AttributeFilter;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;

import java.util.UUID;

/**
 * ProductOffering attributes filtered in the database: id, name, lifecycleStatus (TMF names, e.g. {@code Launched},
 * or Accord's, e.g. {@code IN_REVIEW}), isBundle, externalId, {@code category.id}, and {@code relatedParty.id} (a
 * partner that owns the offering or participates in it, as its {@code relatedParty} lists them). The caller's
 * {@code bundledProductOffering.id} (the bundles that contain the offering: where it is used). The caller's
 * visibility applies first: a partner filtering by another partner's id sees no more than it sees anyway.
 */
final class OfferingFilter {

    static final String CATEGORY_ID = "category.id";
    static final String RELATED_PARTY_ID = "relatedParty.id";
    static final String BUNDLED_OFFERING_ID = "bundledProductOffering.id";

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
            .column(RELATED_PARTY_ID, value -> relatedParty(partyId(value)))
            .column(BUNDLED_OFFERING_ID, value -> containing(componentId(value)))
            .alsoAccepts(CATEGORY_ID);

    private OfferingFilter() {
    }

    static Specification<ProductOffering> category(String id) {
        return id == null ? Specification.unrestricted() : equal("categoryId", uuid(id));
    }

    /** The offerings the partner owns or participates in. */
    private static Specification<ProductOffering> relatedParty(UUID partner) {
        return (root, query, builder) -> {
            Subquery<UUID> participating = query.subquery(UUID.class);
            Root<ProductOffering> other = participating.from(ProductOffering.class);
            Join<ProductOffering, OfferingParticipant> participant = other.join("participants");
            participating.select(other.get("id")).where(builder.equal(participant.get("partnerId"), partner));
            return builder.or(builder.equal(root.get("partnerId"), partner), root.get("id").in(participating));
        };
    }

    /** "Where used": the bundles that contain the offering. */
    private static Specification<ProductOffering> containing(UUID component) {
        return (root, query, builder) -> builder.isMember(component, root.<java.util.Collection<UUID>>get("components"));
    }

    private static UUID componentId(String value) {
        UUID id = uuid(value);
        if (id == null) {
            throw new InvalidInputException(BUNDLED_OFFERING_ID, "bundledProductOffering.id is an offering id (UUID)");
        }
        return id;
    }

    /** A related party is a partner, named by its id: anything else is a 400 rather than an empty page. */
    private static UUID partyId(String value) {
        UUID id = uuid(value);
        if (id == null) {
            throw new InvalidInputException(RELATED_PARTY_ID, "relatedParty.id is a partner id (UUID); the CSP's own"
                    + " offerings have no related party");
        }
        return id;
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
