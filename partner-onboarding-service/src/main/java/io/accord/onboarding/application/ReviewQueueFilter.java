package io.accord.onboarding.application;

import io.accord.onboarding.partner.PartnerType;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The partner managers' queue: by status (default: waiting for review), partner type, and age. */
record ReviewQueueFilter(List<ApplicationStatus> statuses, PartnerType partnerType, Integer olderThanDays) {

    Specification<PartnerApplication> toSpecification(Instant now) {
        return (root, query, builder) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(root.get("status").in(statuses == null || statuses.isEmpty()
                    ? List.of(ApplicationStatus.IN_REVIEW) : statuses));
            if (partnerType != null) {
                all.add(builder.equal(root.get("partnerType"), partnerType));
            }
            if (olderThanDays != null) {
                all.add(builder.lessThanOrEqualTo(root.get("submittedAt"),
                        now.minus(Duration.ofDays(olderThanDays))));
            }
            return builder.and(all.toArray(Predicate[]::new));
        };
    }
}
