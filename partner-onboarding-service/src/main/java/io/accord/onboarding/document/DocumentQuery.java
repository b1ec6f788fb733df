package io.accord.onboarding.document;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.security.Tenancy;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accord's own filters of the document list (TMF attribute filters: {@link DocumentFilter}).
 * {@code expiringWithinDays = N} selects documents whose expiry date falls from today to today + N days, both
 * included (already expired documents are not "expiring").
 */
record DocumentQuery(Integer expiringWithinDays, UUID ownerId, LocalDate today) {

    static final int MAX_DAYS = 3650;

    DocumentQuery {
        if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > MAX_DAYS)) {
            throw new InvalidInputException("expiringWithinDays", "expiringWithinDays must be between 0 and "
                    + MAX_DAYS + ".");
        }
    }

    /** Soonest expiry first when asking what expires; otherwise oldest first, like every TMF list here. */
    Sort sort() {
        return expiringWithinDays != null ? Sort.by("expiryDate", "id") : Sort.by("createdAt", "id");
    }

    /**
     * The query restricted to what the caller may see: staff everything, a partner its own partner's documents
     * (never application-owned ones); empty when the caller can see nothing.
     */
    static Optional<Specification<Document>> forCaller(DocumentQuery query, Tenancy tenancy) {
        List<Specification<Document>> filters = new ArrayList<>();
        if (!tenancy.isStaff()) {
            if (tenancy.partnerId().isEmpty()) {
                return Optional.empty();
            }
            UUID own = tenancy.partnerId().get().value();
            filters.add((root, q, cb) -> cb.and(cb.equal(root.get("ownerType"), OwnerType.PARTNER),
                    cb.equal(root.get("ownerId"), own)));
        }
        if (query.ownerId() != null) {
            filters.add((root, q, cb) -> cb.equal(root.get("ownerId"), query.ownerId()));
        }
        if (query.expiringWithinDays() != null) {
            LocalDate until = query.today().plusDays(query.expiringWithinDays());
            filters.add((root, q, cb) -> cb.between(root.get("expiryDate"), query.today(), until));
        }
        return Optional.of(Specification.allOf(filters));
    }
}
