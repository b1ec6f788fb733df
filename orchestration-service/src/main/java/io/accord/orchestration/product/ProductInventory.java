package io.accord.orchestration.product;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.problem.Problems;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.IfMatch;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The TMF637 API's reads and status changes, with tenancy: a partner sees the instances of its offerings
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
     * The {@code PATCH} of {@code status}: {@code suspended}, {@code active} (resume) or {@code terminated},
     * effective now; a termination also asks the partners' systems to deactivate it. Staff change any instance; a
     * partner suspends and resumes only the instances it bought (its own customers' lines; one it cannot read is a
     * 404 as for a read), lifts only its own bars (a staff bar: 409) and ends one by a delete order (403 here). The
     * status it already has changes nothing, but staff suspending one the buyer suspended make it a staff bar.
     * The instance is locked first, and 412 when {@code ifMatch} names another version than its current one.
     */
    @Transactional
    ProductView move(UUID id, IfMatch ifMatch, String status, String reason) {
        ProductView product = repository.lock(id).map(ProductViews::view).filter(this::visible)
                .orElseThrow(() -> new NotFoundException("product", id));
        ifMatch.check(product.version(), "Product " + id);
        ProductState target = ProductState.ofTmf(status).filter(state -> state == ProductState.SUSPENDED
                || state == ProductState.ACTIVE || state == ProductState.TERMINATED).orElseThrow(() ->
                new InvalidInputException("status", "status changes to suspended, active or terminated, not '"
                        + status + "'"));
        if (!tenancy.isStaff()) {
            requirePartnerMay(product, target);
        }
        String why = reason != null ? reason : "set " + target.tmf() + " by " + tenancy.actor();
        Suspension.Side side = tenancy.isStaff() ? Suspension.Side.STAFF : Suspension.Side.PARTNER;
        if (target == ProductState.SUSPENDED) {
            // a suspended one too: staff take over the buyer's bar; any other repeat changes nothing
            return products.suspend(id, why, new Suspension(side, tenancy.actor(), clock.instant()));
        }
        if (target == product.state()) {
            return product;
        }
        return target == ProductState.ACTIVE ? products.resume(id, why, side, clock.instant()) : terminate(id, why);
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

    /**
     * A reseller bars and lifts the bar of its own customers' lines: the instances whose buyer it is (as the orders
     * that modify or delete an instance require). The owner or a co-creation participant of the offering reads the
     * instance but does not bar the CSP's or another reseller's customer. Ending a line stays a delete order, which
     * asks the partners' systems first and may be refused by them.
     */
    private void requirePartnerMay(ProductView product, ProductState target) {
        boolean buyer = product.buyerPartnerId() != null && tenancy.partnerId().map(PartnerId::value)
                .filter(product.buyerPartnerId()::equals).isPresent();
        if (!buyer) {
            throw forbidden("Product " + product.id() + " is suspended or resumed by its buyer (the reseller whose "
                    + "customer it is) or by CSP staff; your partner reads it as the offering's owner or a "
                    + "co-creation participant");
        }
        if (target == ProductState.TERMINATED) {
            throw forbidden("A partner ends product " + product.id() + " with a delete order: POST "
                    + "/tmf-api/productOrderingManagement/v4/productOrder with an item of action \"delete\" naming "
                    + "product.id " + product.id() + "; this PATCH sets status suspended or active");
        }
    }

    private static ErrorResponseException forbidden(String detail) {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                detail), null);
    }

    private boolean visible(ProductView product) {
        if (tenancy.isStaff()) {
            return true;
        }
        return tenancy.partnerId().map(PartnerId::value).filter(partner -> ProductChanges.partners(product)
                .contains(partner)).isPresent();
    }
}
