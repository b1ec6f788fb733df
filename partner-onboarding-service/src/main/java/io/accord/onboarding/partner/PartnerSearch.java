package io.accord.onboarding.partner;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Staff's partner search: every given criterion must hold; the name matches anywhere, ignoring case. */
record PartnerSearch(String name, PartnerStatus status, PartnerType partnerType, BusinessModel businessModel,
                     String country) {

    Specification<Partner> toSpecification() {
        return (root, query, builder) -> {
            List<Predicate> all = new ArrayList<>();
            if (name != null && !name.isBlank()) {
                String pattern = "%" + name.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
                all.add(builder.or(builder.like(builder.lower(root.get("legalName")), pattern, '\\'),
                        builder.like(builder.lower(root.get("tradingName")), pattern, '\\')));
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
            return builder.and(all.toArray(Predicate[]::new));
        };
    }
}
