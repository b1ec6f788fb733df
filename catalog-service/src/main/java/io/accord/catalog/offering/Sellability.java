package io.accord.catalog.offering;

import io.accord.catalog.price.PriceVersionView;

import java.time.Instant;
import java.util.List;

/**
 * When an offering takes new orders: launched, within its validity, its owner not suspended (or terminated), and
 * a price in force (a bundle priced as the sum of its components has none of its own), and, for a bundle, each
 * component launched and within its validity.
 */
final class Sellability {

    private Sellability() {
    }

    static boolean sellable(ProductOffering offering, List<PriceVersionView> versions, boolean ownerActive,
                            boolean componentsLaunched, Instant now) {
        if (!offering.isLaunchedAt(now) || !ownerActive || !componentsLaunched) {
            return false;
        }
        boolean sumOfComponents = offering.isBundle() && versions.isEmpty();
        return sumOfComponents || versions.stream().anyMatch(v -> "LAUNCHED".equals(v.status()) && v.inForceAt(now));
    }
}
