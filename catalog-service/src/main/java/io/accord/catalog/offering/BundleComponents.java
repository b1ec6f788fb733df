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

    /**
     * 409 when an OWN-priced bundle contains a co-created component whose co-creators it does not name (see
     * {@link OfferingRules#checkBundleShares}).
     */
    void requireSharesCovered(ProductOffering bundle, OfferingDraft definition) {
        if (!bundle.isBundle() || bundle.components().isEmpty()) {
            return;
        }
        Map<String, List<UUID>> coCreators = new HashMap<>();
        offerings.findAllById(bundle.components()).forEach(component -> coCreators.put(component.externalId(),
                component.coCreators().stream().map(OfferingParticipant::partnerId).toList()));
        List<String> problems = new java.util.ArrayList<>();
        OfferingRules.checkBundleShares(definition, coCreators, (field, message) -> problems.add(message));
        if (!problems.isEmpty()) {
            throw new ConflictException("Bundle " + bundle.id() + " cannot be submitted: " + problems.getFirst());
        }
    }

    /**
     * 409 listing the launched (or approved) bundles that contain {@code component}: retiring it would leave them
     * launched but unsellable. The caller retires them first, or acknowledges that they stop selling.
     */
    void requireNotInLiveBundles(ProductOffering component) {
        List<ProductOffering> bundles = offerings.liveBundlesContaining(component.id());
        if (!bundles.isEmpty()) {
            throw new ConflictException("Offering " + component.id() + " is a component of the bundles "
                    + bundles.stream().map(b -> "'" + b.externalId() + "' (" + b.id() + ", " + b.status() + ")")
                    .toList() + ", which would stay launched but no longer sellable: retire them first, or retire"
                    + " with \"acknowledgeBundles\": true");
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
