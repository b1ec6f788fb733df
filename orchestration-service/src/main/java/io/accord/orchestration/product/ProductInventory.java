package io.accord.orchestration.product;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The TMF637 API's reads and the staff's status changes, with tenancy: a partner sees the instances of its offerings
 * (owner or co-creation participant) and those it bought; staff see all; anything else is a 404.
 */
@Service
class ProductInventory {

    /** Matches no partner: a token without a partner claim sees nothing. */
    private static final UUID NOBODY = new UUID(0, 0);

    private final ProductRepository repository;
    private final Products products;
    private final PartnerDeactivations deactivations;
    private final Tenancy tenancy;
    private final Clock clock;

    ProductInventory(ProductRepository repository, Products products, PartnerDeactivations deactivations,
                     Tenancy tenancy, Clock clock) {
        this.repository = repository;
        this.products = products;
        this.deactivations = deactivations;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ProductView get(UUID id) {
        return repository.find(id).map(ProductViews::view).filter(this::visible)
                .orElseThrow(() -> new NotFoundException("product", id));
    }

    @Transactional(readOnly = true)
    Page<ProductView> list(List<ProductState> states, List<String> offerings, List<String> parties, Pageable page) {
        UUID partner = tenancy.isStaff() ? null : tenancy.partnerId().map(PartnerId::value).orElse(NOBODY);
        return repository.page(partner, states.stream().map(Enum::name).toList(), offerings, parties, page)
                .map(ProductViews::view);
    }

    /**
     * The staff's {@code PATCH} of {@code status}: {@code suspended}, {@code active} (resume) or {@code terminated},
     * effective now; a termination also asks the partners' systems to deactivate it. The status it already has
     * changes nothing.
     */
    @Transactional
    ProductView move(UUID id, String status, String reason) {
        ProductView product = get(id);
        ProductState target = ProductState.ofTmf(status).filter(state -> state == ProductState.SUSPENDED
                || state == ProductState.ACTIVE || state == ProductState.TERMINATED).orElseThrow(() ->
                new InvalidInputException("status", "status changes to suspended, active or terminated, not '"
                        + status + "'"));
        if (target == product.state()) {
            return product;
        }
        String why = reason != null ? reason : "set " + target.tmf() + " by " + tenancy.actor();
        return switch (target) {
            case SUSPENDED -> products.suspend(id, why, clock.instant());
            case ACTIVE -> products.resume(id, why, clock.instant());
            default -> terminate(id, why);
        };
    }

    /**
     * Ends the product (a bundle with its components), and asks the partners' systems that activated it (or a
     * component) to deactivate it (a delete order asks them in its own saga; suspending and resuming tell them
     * nothing: the activation feature has no such request).
     */
    private ProductView terminate(UUID id, String why) {
        List<UUID> live = products.components(id).stream().filter(component -> !component.state().isFinal())
                .map(ProductView::id).toList();
        ProductView terminated = products.terminate(id, why, clock.instant());
        deactivations.terminated(terminated, why);
        live.forEach(component -> products.find(component).ifPresent(ended -> deactivations.terminated(ended, why)));
        return terminated;
    }

    private boolean visible(ProductView product) {
        if (tenancy.isStaff()) {
            return true;
        }
        return tenancy.partnerId().map(PartnerId::value).filter(partner -> ProductChanges.partners(product)
                .contains(partner)).isPresent();
    }
}
