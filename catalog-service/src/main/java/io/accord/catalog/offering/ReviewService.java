package io.accord.catalog.offering;

import io.accord.catalog.price.PriceVersionView;
import io.accord.catalog.price.Prices;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Submission, review decisions, retirement, and what is sellable now: the plain (non-TMF) catalog operations. */
@Service
class ReviewService {

    private final ProductOfferingRepository offerings;
    private final OfferingAccess access;
    private final OfferingLifecycle lifecycle;
    private final Prices prices;
    private final PendingChanges changes;
    private final Tenancy tenancy;
    private final Clock clock;
    private final BundleComponents components;

    ReviewService(ProductOfferingRepository offerings, OfferingAccess access, OfferingLifecycle lifecycle,
                  Prices prices, PendingChanges changes, Tenancy tenancy, Clock clock, BundleComponents components) {
        this.components = components;
        this.offerings = offerings;
        this.access = access;
        this.lifecycle = lifecycle;
        this.prices = prices;
        this.changes = changes;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    ProductOffering submit(UUID id) {
        ProductOffering offering = access.changeable(offerings.findById(id), id);
        lifecycle.submit(offering, clock.instant());
        return offering;
    }

    @Transactional
    ProductOffering decide(UUID id, OfferingResources.Decision decision) {
        ProductOffering offering = offerings.findById(id)
                .orElseThrow(() -> new io.accord.platform.problem.NotFoundException("ProductOffering", id));
        Instant now = clock.instant();
        if (decision.decision() == OfferingResources.Decision.Verdict.APPROVE) {
            lifecycle.approve(offering, tenancy.actor(), decision.launchAt(), now);
        } else {
            if (decision.reason() == null || decision.reason().isBlank()) {
                throw new io.accord.platform.problem.InvalidInputException("reason", "a rejection needs a reason");
            }
            lifecycle.reject(offering, tenancy.actor(), decision.reason(), now);
        }
        return offering;
    }

    /**
     * Withdraws a launched offering's change waiting for review: whoever may change the offering (the owning
     * partner's admins, who proposed it, and staff with catalog rights); another partner gets a 404.
     */
    @Transactional
    ProductOffering withdraw(UUID id) {
        ProductOffering offering = access.changeable(offerings.findById(id), id);
        lifecycle.withdraw(offering, clock.instant());
        return offering;
    }

    @Transactional
    ProductOffering retire(UUID id, String reason, boolean acknowledgeBundles) {
        ProductOffering offering = access.changeable(offerings.findById(id), id);
        if (!acknowledgeBundles && offering.status() == OfferingStatus.LAUNCHED) {
            components.requireNotInLiveBundles(offering);
        }
        lifecycle.retire(offering, reason == null || reason.isBlank() ? "retired by its owner" : reason.strip(),
                clock.instant());
        return offering;
    }

    @Transactional(readOnly = true)
    Page<ProductOffering> queue(Pageable page) {
        return offerings.inReview(page);
    }

    /** What the queue's launched offerings' pending changes would change, by offering id. */
    @Transactional(readOnly = true)
    Map<UUID, ChangeResources.PendingChange> changes(List<ProductOffering> queued) {
        return changes.of(queued);
    }

    /**
     * A launched offering's change waiting for review, for staff and for the partner that owns the offering (it
     * proposed it); anyone else, like an offering without a pending change, gets a 404.
     */
    @Transactional(readOnly = true)
    ChangeResources.PendingChange pendingChange(UUID id) {
        ProductOffering offering = offerings.findById(id).filter(o -> tenancy.isStaff() || (o.partnerId() != null
                        && tenancy.canAccess(new PartnerId(o.partnerId()))))
                .orElseThrow(() -> new NotFoundException("ProductOffering", id));
        if (offering.pendingChange() == null) {
            throw new NotFoundException("Pending change of ProductOffering", id);
        }
        return changes.of(List.of(offering)).get(id);
    }

    @Transactional(readOnly = true)
    Page<ProductOffering> sellable(Pageable page) {
        UUID partner = tenancy.partnerId().map(PartnerId::value).orElse(new UUID(0, 0));
        return offerings.sellable(clock.instant(), partner, tenancy.isStaff(), page);
    }

    @Transactional(readOnly = true)
    List<PriceVersionView> pricesInForce(UUID id, Instant at) {
        ProductOffering offering = access.visible(offerings.findById(id), id);
        return prices.inForce(offering.id(), at == null ? clock.instant() : at);
    }
}
