package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Who sees and changes which offering. Staff see all. A partner sees its own, the co-created ones it takes part in
 * (named by the CSP, or accepted: a pending co-creator sees only its invitation), and launched CSP-owned offerings (what resellers quote); any other answers 404. Only the owner's partner-admin
 * changes an offering; staff (platform-admin, partner-manager) change CSP-owned ones.
 */
@Component
class OfferingAccess {

    private final Tenancy tenancy;

    OfferingAccess(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    ProductOffering visible(Optional<ProductOffering> found, Object id) {
        return found.filter(this::canSee).orElseThrow(() -> new NotFoundException("ProductOffering", id));
    }

    boolean canSee(ProductOffering offering) {
        if (tenancy.isStaff()) {
            return true;
        }
        Optional<UUID> own = tenancy.partnerId().map(PartnerId::value);
        return own.isPresent() && (own.get().equals(offering.partnerId())
                || offering.participantIds().contains(own.get())
                || (offering.partnerId() == null && offering.status() == OfferingStatus.LAUNCHED));
    }

    /** The offering if the caller may change it: 404 when it may not even see it, 403 when it only sees it. */
    ProductOffering changeable(Optional<ProductOffering> found, Object id) {
        ProductOffering offering = visible(found, id);
        boolean owner = offering.partnerId() == null
                ? tenancy.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER)
                : tenancy.hasAnyRole(Roles.PARTNER_ADMIN, Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER)
                && (tenancy.isStaff() || tenancy.partnerId().map(p -> p.value().equals(offering.partnerId()))
                .orElse(false));
        if (!owner) {
            throw new AccessDeniedException("only the owner changes offering " + id);
        }
        return offering;
    }

    /** The owner of what the caller creates: its own partner, or (staff) the named partner or the CSP. */
    Owner ownerForCreation(UUID namedPartner) {
        if (tenancy.isStaff()) {
            return namedPartner == null ? Owner.csp() : Owner.partner(namedPartner);
        }
        UUID own = tenancy.partnerId().map(PartnerId::value).orElseThrow(() ->
                new io.accord.platform.problem.InvalidInputException("relatedParty",
                        "your token is not bound to a partner"));
        if (namedPartner != null && !namedPartner.equals(own)) {
            throw new io.accord.platform.problem.InvalidInputException("relatedParty",
                    "a partner may only submit its own offerings");
        }
        return Owner.partner(own);
    }

    /** The list restriction matching {@link #canSee}. */
    /** Staff see every offering. */
    boolean seesAll() {
        return tenancy.isStaff();
    }

    Specification<ProductOffering> visibleList() {
        if (tenancy.isStaff()) {
            return Specification.unrestricted();
        }
        Optional<UUID> own = tenancy.partnerId().map(PartnerId::value);
        if (own.isEmpty()) {
            return (root, query, builder) -> builder.disjunction();
        }
        UUID partner = own.get();
        return (root, query, builder) -> {
            Subquery<UUID> participating = query.subquery(UUID.class);
            Root<ProductOffering> other = participating.from(ProductOffering.class);
            Join<ProductOffering, OfferingParticipant> participant = other.join("participants");
            // a co-creator still to accept sees only its invitation, not the offering
            participating.select(other.get("id")).where(builder.equal(participant.get("partnerId"), partner),
                    builder.equal(participant.get("consent"), OfferingParticipant.Consent.ACCEPTED));
            return builder.or(builder.equal(root.get("partnerId"), partner), root.get("id").in(participating),
                    builder.and(builder.isNull(root.get("partnerId")),
                            builder.equal(root.get("status"), OfferingStatus.LAUNCHED)));
        };
    }
}
