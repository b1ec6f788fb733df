package io.accord.catalog.price;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Usage tiers must cover every quantity exactly once: contiguous from 0, each ending where the next starts, each
 * longer than nothing, rates not negative, and the last open-ended so no quantity falls off the end.
 */
final class TierRules {

    private TierRules() {
    }

    static void check(List<PriceDraft.Tier> tiers, String at, BiConsumer<String, String> errors) {
        BigDecimal expectedFrom = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size(); i++) {
            PriceDraft.Tier tier = tiers.get(i);
            String field = at + "[" + i + "]";
            if (tier == null || tier.from() == null) {
                errors.accept(field + ".from", "each tier needs a start quantity");
                return;
            }
            if (expectedFrom != null && tier.from().compareTo(expectedFrom) != 0) {
                errors.accept(field + ".from", i == 0 ? "the first tier starts at 0"
                        : "tiers must be contiguous: this tier starts at " + tier.from().toPlainString()
                        + " but the previous one ends at " + expectedFrom.toPlainString());
            }
            boolean last = i == tiers.size() - 1;
            if (tier.to() == null && !last) {
                errors.accept(field + ".to", "only the last tier is open-ended");
            } else if (tier.to() != null && last) {
                errors.accept(field + ".to", "the last tier must be open-ended (no 'to')");
            } else if (tier.to() != null && tier.to().compareTo(tier.from()) <= 0) {
                errors.accept(field + ".to", "a tier must end after it starts");
            } else if (tier.to() != null) {
                PriceRules.amount(tier.to(), field + ".to", errors);
            }
            if (tier.rate() == null) {
                errors.accept(field + ".rate", "rate is mandatory");
            } else {
                PriceRules.amount(tier.rate(), field + ".rate", errors);
            }
            expectedFrom = tier.to();
        }
    }
}
