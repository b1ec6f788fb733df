package io.accord.onboarding.partner;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Staff's partner search: every given criterion must hold. The name matches anywhere in the legal or trading name,
 * ignoring case, or in the legal name as duplicate detection normalises it (so "Alpha-Stream" and "alpha stream"
 * both find "Alpha Stream GmbH"); {@code externalReference} is the name of one of its external references (an id in
 * another system, e.g. a legacy id), exactly.
 */
record PartnerSearch(String name, PartnerStatus status, PartnerType partnerType, BusinessModel businessModel,
                     String country, String externalReference) {

    /** @param normalisedName the name in duplicate detection's form ({@link PartnerKeys#normalisedName}) */
    Specification<Partner> toSpecification(String normalisedName) {
        return (root, query, builder) -> {
            List<Predicate> all = new ArrayList<>();
            if (name != null && !name.isBlank()) {
                String pattern = like(name.strip().toLowerCase(Locale.ROOT));
                Predicate byName = builder.or(builder.like(builder.lower(root.get("legalName")), pattern, '\\'),
                        builder.like(builder.lower(root.get("tradingName")), pattern, '\\'));
                if (normalisedName != null && !normalisedName.isBlank()) {
                    byName = builder.or(byName, builder.like(root.get("normalisedName"), like(normalisedName), '\\'));
                }
                all.add(byName);
            }
            if (status != null) {
                all.add(builder.equal(root.get("status"), status));
            }
            if (partnerType != null) {
                all.add(builder.equal(root.get("partnerType"), partnerType));
            }
            if (businessModel != null) {
                all.add(builder.equal(root.get("businessModel"), businessModel));
            }
            if (country != null && !country.isBlank()) {
                all.add(builder.equal(root.get("country"), country.strip().toUpperCase(Locale.ROOT)));
            }
            if (externalReference != null && !externalReference.isBlank()) {
                all.add(OrganizationFilter.<Partner>externalReferenceNamed(externalReference.strip())
                        .toPredicate(root, query, builder));
            }
            return builder.and(all.toArray(Predicate[]::new));
        };
    }

    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
