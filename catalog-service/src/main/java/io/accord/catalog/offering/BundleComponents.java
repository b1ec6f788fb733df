package io.accord.catalog.offering;

import io.accord.platform.problem.ConflictException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bundle sells only with its components: it is submitted and approved only while each component is launched, and
 * it is sellable only while each one is launched and within its validity (orchestration refuses to quote or order a
 * bundle whose component is not). One level: a component bundle was checked the same way when it was approved.
 */
@Component
class BundleComponents {

    private final ProductOfferingRepository offerings;

    BundleComponents(ProductOfferingRepository offerings) {
        this.offerings = offerings;
    }

    /** 409 naming the first component that is not launched (a draft, in review, approved for later, retired). */
    void requireLaunched(ProductOffering bundle, Collection<UUID> components, String action) {
        if (!bundle.isBundle() || components.isEmpty()) {
            return;
        }
        Map<UUID, ProductOffering> found = new HashMap<>();
        offerings.findAllById(components).forEach(component -> found.put(component.id(), component));
        for (UUID id : components) {
            ProductOffering component = found.get(id);
            if (component == null || component.status() != OfferingStatus.LAUNCHED) {
                throw new ConflictException("Bundle " + bundle.id() + " cannot be " + action + ": its component "
                        + (component == null ? id : "'" + component.externalId() + "' (" + id + ") is "
                        + component.status()) + ", not LAUNCHED; launch (or remove) it first");
            }
        }
    }

    /** Per bundle of {@code page}: every component launched and within its validity at {@code now}. */
    Map<UUID, Boolean> launched(List<ProductOffering> page, Instant now) {
        List<UUID> components = page.stream().filter(ProductOffering::isBundle)
                .flatMap(bundle -> bundle.components().stream()).distinct().toList();
        Map<UUID, Boolean> launched = new HashMap<>();
        if (!components.isEmpty()) {
            offerings.findAllById(components).forEach(c -> launched.put(c.id(), c.isLaunchedAt(now)));
        }
        Map<UUID, Boolean> byBundle = new HashMap<>();
        page.stream().filter(ProductOffering::isBundle).forEach(bundle -> byBundle.put(bundle.id(),
                bundle.components().stream().allMatch(id -> launched.getOrDefault(id, false))));
        return byBundle;
    }
}
