package io.accord.catalog.offering;

import io.accord.catalog.partner.KnownPartner;
import io.accord.catalog.partner.KnownPartners;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Service
class OfferingService {

    private final ProductOfferingRepository offerings;
    private final KnownPartners partners;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;

    OfferingService(ProductOfferingRepository offerings, KnownPartners partners, AuditTrail audit, Tenancy tenancy,
                    Clock clock) {
        this.clock = clock;
        this.offerings = offerings;
        this.partners = partners;
        this.audit = audit;
        this.tenancy = tenancy;
    }

    @Transactional
    ProductOffering create(OfferingResources.CreateOffering request) {
        PartnerId owner = owner(request.relatedParty());
        Optional<KnownPartner> partner = partners.find(owner.value());
        if (partner.isEmpty()) {
            throw new ConflictException("Partner " + owner + " is unknown to the catalog");
        }
        if (!partner.get().isActive()) {
            throw new ConflictException("Partner " + owner + " is " + partner.get().status()
                    + ": only ACTIVE partners may submit offerings");
        }
        ProductOffering offering = ProductOffering.draft(owner, request.name().strip(), request.description(),
                clock.instant());
        offerings.save(offering);
        audit.record(owner, "productOffering", offering.id().toString(), "created", null,
                OfferingResources.Offering.of(offering));
        return offering;
    }

    @Transactional(readOnly = true)
    ProductOffering get(UUID id) {
        return tenancy.visible(offerings.findById(id), ProductOffering::partner)
                .orElseThrow(() -> new NotFoundException("ProductOffering", id));
    }

    @Transactional(readOnly = true)
    Page<ProductOffering> list(Pageable page) {
        if (tenancy.isStaff()) {
            return offerings.findAll(page);
        }
        return tenancy.partnerId().map(own -> offerings.findByPartnerId(own.value(), page))
                .orElseGet(() -> Page.empty(page));
    }

    /** A partner submits for itself; staff must name the partner in {@code relatedParty}. */
    private PartnerId owner(List<OfferingResources.PartyRef> related) {
        Optional<UUID> named = related == null ? Optional.empty() : related.stream()
                .filter(party -> OfferingResources.PARTNER_ROLE.equalsIgnoreCase(party.role()))
                .map(OfferingResources.PartyRef::id).findFirst();
        if (tenancy.isStaff()) {
            return named.map(PartnerId::new).orElseThrow(() -> new InvalidInputException("relatedParty",
                    "name the owning partner as a relatedParty with role 'Partner'"));
        }
        PartnerId own = tenancy.partnerId().orElseThrow(() -> new InvalidInputException("relatedParty",
                "your token is not bound to a partner"));
        if (named.isPresent() && !named.get().equals(own.value())) {
            throw new InvalidInputException("relatedParty", "a partner may only submit its own offerings");
        }
        return own;
    }
}
