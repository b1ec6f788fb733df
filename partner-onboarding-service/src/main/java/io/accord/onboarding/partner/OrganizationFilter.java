package io.accord.onboarding.partner;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.web.AttributeFilter;
import org.springframework.data.jpa.domain.Specification;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Organization attributes filtered in the database (exact values, as the resource shows them): id, name,
 * tradingName, status (validated, suspended, closed; our ACTIVE, SUSPENDED, TERMINATED too), organizationType
 * and our {@code country}; {@code externalReference.name} finds partners by their id in another system. Other
 * simple attributes are compared on the resource.
 */
final class OrganizationFilter {

    static final AttributeFilter<Partner> FILTER = AttributeFilter.<Partner>of(OrganizationResource.class)
            .column("id", value -> equal("id", uuid(value)))
            .column("name", value -> equal("legalName", value))
            .column("tradingName", value -> equal("tradingName", value))
            .column("status", value -> equal("status", status(value)))
            .column("organizationType", value -> equal("partnerType", type(value)))
            .column("country", value -> equal("country", value.toUpperCase(Locale.ROOT)))
            .column("externalReference.name", OrganizationFilter::externalReferenceNamed);

    /** Partners with an external reference of this name (e.g. a legacy id), whatever its type. */
    static <E> Specification<E> externalReferenceNamed(String name) {
        return (root, query, builder) -> builder.isTrue(builder.function("partner_external_reference_named",
                Boolean.class, root.get("externalReference"), builder.literal(name)));
    }

    private OrganizationFilter() {
    }

    /** A null value matches nothing (an id that is no UUID names no organization). */
    static <E> Specification<E> equal(String attribute, Object value) {
        return (root, query, builder) -> value == null ? builder.disjunction()
                : builder.equal(root.get(attribute), value);
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static PartnerStatus status(String value) {
        for (PartnerStatus status : PartnerStatus.values()) {
            if (status.name().equals(value) || OrganizationResource.tmfStatus(status).equals(value)) {
                return status;
            }
        }
        throw new InvalidInputException("status", "status must be one of " + Arrays.stream(PartnerStatus.values())
                .map(OrganizationResource::tmfStatus).collect(Collectors.joining(", ")));
    }

    private static PartnerType type(String value) {
        try {
            return PartnerType.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("organizationType", "organizationType must be one of "
                    + Arrays.stream(PartnerType.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
