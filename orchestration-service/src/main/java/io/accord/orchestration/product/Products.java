package io.accord.orchestration.product;

import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.ProductDetails;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The product inventory's entry point (TMF637 product instances): orders create an instance per {@code add} item and
 * move it through its life; each method runs in the caller's transaction (or its own when there is none), and the
 * change, its audit record, its TMF notification and its event on {@code order.events.v1} commit together. Invalid
 * transitions answer {@link io.accord.platform.problem.ConflictException} (409) naming the current state; an unknown
 * id answers {@link NotFoundException}. Callers are trusted (orders, the staff's API): no tenancy check here.
 */
@Service
public class Products {

    private final ProductRepository products;
    private final SellableOfferings offerings;
    private final ProductChanges changes;
    private final Clock clock;

    Products(ProductRepository products, SellableOfferings offerings, ProductChanges changes, Clock clock) {
        this.products = products;
        this.offerings = offerings;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * In the caller's transaction: a new instance in CREATED for an {@code add} order item, with the offering's
     * owner, category, version, participants and usage price ids as the read model holds them now.
     */
    @Transactional
    public ProductView create(NewProduct product) {
        NewProducts.validate(product);
        SellableOfferings.Offering offering = offerings.find(product.offeringId()).orElseThrow(() ->
                new InvalidInputException("offeringId", "offering " + product.offeringId() + " is not launched"));
        if (product.bundleProductId() != null && products.find(product.bundleProductId()).isEmpty()) {
            throw new InvalidInputException("bundleProductId", "bundleProductId " + product.bundleProductId()
                    + " is not a product instance");
        }
        List<String> usagePriceIds = offerings.priceVersions(offering.id()).stream()
                .filter(price -> "USAGE".equals(price.type())).map(OfferingPrice::priceId).distinct().sorted()
                .toList();
        ProductInstance instance = new ProductInstance(UUID.randomUUID(),
                new ProductInstance.Origin(product.orderId(), product.orderItemId(), product.bundleProductId(),
                        product.buyerPartnerId(), product.salesChannel(), product.customerId()),
                new ProductInstance.OfferingCopy(offering.id(), offering.version(), offering.name(),
                        offering.partnerId(), offering.categoryCode(), offering.participants(), usagePriceIds),
                NewProducts.characteristics(product.characteristics()),
                product.charges() == null ? List.of() : product.charges(), clock.instant());
        products.insert(instance);
        ProductView view = ProductViews.view(instance);
        changes.created(view);
        return view;
    }

    /**
     * CREATED → ACTIVE from {@code at}, with its identifiers and realising resources; publishes ProductActivated
     * (outbox, same transaction). Idempotent: already ACTIVE with the same identifiers and resources → returns it,
     * no second event ({@code at} is not compared: a retried step may ask with a later instant).
     */
    @Transactional
    public ProductView activate(UUID productId, List<ProductDetails.SubscriberIdentifier> identifiers,
                                List<RealisingResource> resources, Instant at) {
        List<ProductDetails.SubscriberIdentifier> given = NewProducts.identifiers(identifiers);
        List<RealisingResource> realising = NewProducts.resources(resources);
        ProductInstance product = load(productId);
        ProductView before = ProductViews.view(product);
        if (!product.activate(given, realising, required(at))) {
            return before;
        }
        products.update(product);
        ProductView view = ProductViews.view(product);
        changes.activated(before, view);
        return view;
    }

    /**
     * ACTIVE or SUSPENDED: new characteristic values merged over the old ones (a {@code null} value removes one);
     * publishes ProductModified (changes = [characteristics]). Values it already has change nothing and publish
     * nothing (a retried step is safe).
     */
    @Transactional
    public ProductView modify(UUID productId, Map<String, String> characteristics, Instant at) {
        Map<String, String> changes = NewProducts.changes(characteristics);
        ProductInstance product = load(productId);
        ProductView before = ProductViews.view(product);
        if (!product.modify(changes, required(at))) {
            return before;
        }
        return saved(product, before, "modified", "characteristics", at);
    }

    /**
     * ACTIVE → SUSPENDED, barred by {@code by} (staff or the buyer, at {@code by.at()}); publishes ProductModified
     * (changes = [status]). A bundle's active components are suspended with it and carry its bar, in this
     * transaction, each with its own event (rating and settlement see each instance change). Already SUSPENDED: staff
     * take over the buyer's bar, the bundle's suspended components' too (audited and notified on the hub as an
     * attribute change; no ProductModified, the status is unchanged); anything else changes nothing.
     */
    @Transactional
    public ProductView suspend(UUID productId, String reason, Suspension by) {
        Suspension suspension = required(by);
        ProductInstance product = load(productId);
        ProductView before = ProductViews.view(product);
        if (product.state == ProductState.SUSPENDED) {
            return takeOver(product, before, reason, suspension);
        }
        product.suspend(reason, suspension);
        ProductView view = saved(product, before, "suspended", "status", suspension.at());
        cascade(product, component -> component.state == ProductState.ACTIVE,
                component -> suspend(component, reason, suspension));
        return view;
    }

    /**
     * SUSPENDED → ACTIVE; publishes ProductModified (changes = [status]). The buyer ({@code by} PARTNER) lifts only
     * its own bar: a staff bar is a 409 that changes nothing. A bundle's suspended components are resumed with it
     * (each with its event), but the buyer's resume leaves a component that staff barred suspended; a component is not
     * resumed while its bundle is suspended (409: resume the bundle).
     */
    @Transactional
    public ProductView resume(UUID productId, String reason, Suspension.Side by, Instant at) {
        if (by == null) {
            throw new InvalidInputException("by", "who resumes it (STAFF or PARTNER) is missing");
        }
        ProductInstance product = load(productId);
        requireBundleNot(product, ProductState.SUSPENDED, "resumed");
        ProductView before = ProductViews.view(product);
        product.resume(reason, by, required(at));
        ProductView view = saved(product, before, "resumed", "status", at);
        cascade(product, component -> component.state == ProductState.SUSPENDED
                        && (by == Suspension.Side.STAFF || !component.suspension.isStaff()),
                component -> resume(component, reason, by, at));
        return view;
    }

    /**
     * ACTIVE or SUSPENDED → TERMINATED with endAt = {@code at}; publishes ProductTerminated. Idempotent when already
     * terminated (returns it unchanged, no second event). A bundle's components that have not ended are terminated
     * with it, at the same instant and in this transaction, each with its ProductTerminated (so rating ends their
     * usage prices and settlement their charges) and its resources released.
     */
    @Transactional
    public ProductView terminate(UUID productId, String reason, Instant at) {
        ProductInstance product = load(productId);
        ProductView before = ProductViews.view(product);
        if (!product.terminate(reason, required(at))) {
            return before;
        }
        products.update(product);
        ProductView view = ProductViews.view(product);
        changes.terminated(before, view, reason);
        for (ProductInstance component : products.components(product.id)) {
            if (component.state == ProductState.ACTIVE || component.state == ProductState.SUSPENDED) {
                terminate(component.id, reason, at);
            }
        }
        return view;
    }

    /**
     * The components of a bundle's instance, nested ones included (a component's before its own components), as
     * they are now; none for an instance that is no bundle.
     */
    @Transactional(readOnly = true)
    public List<ProductView> components(UUID bundleProductId) {
        List<ProductView> all = new ArrayList<>();
        for (ProductInstance component : products.components(bundleProductId)) {
            all.add(ProductViews.view(component));
            all.addAll(components(component.id));
        }
        return all;
    }

    /** CREATED → CANCELLED (the order item failed or was cancelled before activation); no event. Idempotent. */
    @Transactional
    public ProductView cancel(UUID productId, String reason) {
        ProductInstance product = load(productId);
        ProductView before = ProductViews.view(product);
        if (!product.cancel(reason, clock.instant())) {
            return before;
        }
        products.update(product);
        ProductView view = ProductViews.view(product);
        changes.cancelled(before, view);
        return view;
    }

    @Transactional(readOnly = true)
    public Optional<ProductView> find(UUID productId) {
        return products.find(productId).map(ProductViews::view);
    }

    /** The instances an order created, in the order they were created (none for an unknown order). */
    @Transactional(readOnly = true)
    public List<ProductView> ofOrder(String orderId) {
        return orderId == null ? List.of() : products.ofOrder(orderId).stream().map(ProductViews::view).toList();
    }

    /** The instance in the events' form; {@link NotFoundException} for an unknown id. */
    @Transactional(readOnly = true)
    public ProductDetails details(UUID productId) {
        return ProductViews.details(ProductViews.view(load(productId)));
    }

    private ProductView saved(ProductInstance product, ProductView before, String action, String change,
                              Instant at) {
        products.update(product);
        ProductView view = ProductViews.view(product);
        changes.modified(action, before, view, change, at);
        return view;
    }

    private ProductView takeOver(ProductInstance product, ProductView before, String reason, Suspension by) {
        if (!product.takeOver(reason, by)) {
            return before;
        }
        products.update(product);
        ProductView view = ProductViews.view(product);
        changes.suspensionTakenOver(before, view);
        cascade(product, component -> component.state == ProductState.SUSPENDED,
                component -> suspend(component, reason, by));
        return view;
    }

    /** Applies {@code change} to each direct component of {@code bundle} that {@code applies} to. */
    private void cascade(ProductInstance bundle, Predicate<ProductInstance> applies, Consumer<UUID> change) {
        for (ProductInstance component : products.components(bundle.id)) {
            if (applies.test(component)) {
                change.accept(component.id);
            }
        }
    }

    /** A component follows its bundle: it is not {@code action} while its bundle's instance is in {@code state}. */
    private void requireBundleNot(ProductInstance component, ProductState state, String action) {
        if (component.bundleProductId == null) {
            return;
        }
        products.find(component.bundleProductId).filter(bundle -> bundle.state == state).ifPresent(bundle -> {
            throw new ConflictException("Product " + component.id + " is a component of bundle product "
                    + bundle.id + ", which is " + state.tmf() + ": a component cannot be " + action
                    + " alone; change the bundle");
        });
    }

    private ProductInstance load(UUID productId) {
        if (productId == null) {
            throw new InvalidInputException("productId", "the product id is missing");
        }
        return products.find(productId).orElseThrow(() -> new NotFoundException("product", productId));
    }

    private static Suspension required(Suspension by) {
        if (by == null || by.at() == null) {
            throw new InvalidInputException("by", "who suspends it (staff or the buyer) and when is missing");
        }
        return by;
    }

    private static Instant required(Instant at) {
        if (at == null) {
            throw new InvalidInputException("at", "at (the instant the change takes effect) is missing");
        }
        return at;
    }
}
