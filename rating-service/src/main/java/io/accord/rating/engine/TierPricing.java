package io.accord.rating.engine;

import io.accord.rating.engine.TierUsage.TierPortion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Rating step 3: the exact (unrounded) charge of a billed quantity, given where the record starts in its tier
 * period. A tier covers the period's units in positions {@code (from, to]}. Graduated tiers charge each portion of
 * the record at its tier's rate; volume tiers charge the whole record at the rate of the tier the accumulated total
 * reaches, provisionally (the period-end re-rating settles every unit at the final tier).
 */
final class TierPricing {

    private TierPricing() {
    }

    /** The exact charge and its portions. */
    record Priced(BigDecimal amount, List<TierPortion> portions, boolean provisional) {
    }

    static Priced price(CompiledPrice price, BigDecimal billed, BigDecimal before) {
        return switch (price.mode) {
            case FLAT -> new Priced(billed.multiply(price.rate), List.of(new TierPortion(0, billed, price.rate)),
                    false);
            case GRADUATED -> graduated(price, billed, before);
            case VOLUME -> {
                int tier = volumeTier(price, before.add(billed));
                BigDecimal rate = price.tierRate[tier];
                yield new Priced(billed.multiply(rate), List.of(new TierPortion(tier, billed, rate)), true);
            }
        };
    }

    /** The tier whose range holds the {@code total}-th unit (the first tier for a zero total). */
    static int volumeTier(CompiledPrice price, BigDecimal total) {
        BigDecimal[] to = price.tierTo;
        for (int tier = 0; tier < to.length; tier++) {
            if (to[tier] == null || total.compareTo(to[tier]) <= 0) {
                return tier;
            }
        }
        // contiguity is checked on construction, so only an open-ended last tier could be missing
        return to.length - 1;
    }

    private static Priced graduated(CompiledPrice price, BigDecimal billed, BigDecimal before) {
        BigDecimal after = before.add(billed);
        BigDecimal amount = BigDecimal.ZERO;
        List<TierPortion> portions = new ArrayList<>(2);
        for (int tier = 0; tier < price.tierFrom.length; tier++) {
            BigDecimal to = price.tierTo[tier];
            BigDecimal low = before.max(price.tierFrom[tier]);
            BigDecimal high = to == null ? after : after.min(to);
            if (high.compareTo(low) > 0) {
                BigDecimal portion = high.subtract(low);
                BigDecimal rate = price.tierRate[tier];
                amount = amount.add(portion.multiply(rate));
                portions.add(new TierPortion(tier, portion, rate));
            }
            if (to == null || to.compareTo(after) >= 0) {
                break;
            }
        }
        return new Priced(amount, portions, false);
    }
}
