package io.accord.rating.engine;

import io.accord.contracts.value.Money;
import io.accord.rating.engine.TierUsage.TierPortion;
import io.accord.rating.engine.UsagePriceVersion.TierMode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The period-end re-rating of volume tiers, a pure function of the period's rated records: the period's total
 * decides the final tier of each record's own price version; a record charged at another tier is reversed and
 * charged again at the final one, its split recomputed with the same shares (each rounded once, margin the rest).
 */
final class VolumeRerater {

    private VolumeRerater() {
    }

    /** {@code periodTotal} {@code null}: the records are all of the period, their sum is its total. */
    static VolumeRerating rerate(List<RatedUsage> records, RatingSnapshot snapshot, BigDecimal periodTotal) {
        if (records.isEmpty()) {
            return new VolumeRerating(null, periodTotal == null ? BigDecimal.ZERO : periodTotal, List.of(),
                    List.of());
        }
        AccumulatorKey key = records.getFirst().tiers().accumulator();
        BigDecimal total = BigDecimal.ZERO;
        for (RatedUsage record : records) {
            if (!record.tiers().accumulator().equals(key) || record.kind() != RatedUsage.Kind.RATED) {
                throw new IllegalArgumentException("record " + record.usage().usageId()
                        + " is not a first rating of accumulator " + key);
            }
            total = total.add(record.billedQuantity());
        }
        if (periodTotal != null) {
            total = periodTotal;
        }
        List<RatedUsage> reversals = new ArrayList<>();
        List<RatedUsage> finals = new ArrayList<>();
        for (RatedUsage record : records) {
            if (!record.tiers().provisional() || record.tiers().mode() != TierMode.VOLUME) {
                continue;
            }
            CompiledPrice price = snapshot.priceVersion(record.basis().priceVersionId(),
                    record.usage().usageType());
            if (price == null) {
                throw new IllegalArgumentException("price version " + record.basis().priceVersionId()
                        + " is not in the snapshot");
            }
            int finalTier = TierPricing.volumeTier(price, total);
            if (record.tiers().portions().getFirst().tier() != finalTier) {
                reversals.add(reversal(record));
                finals.add(atTier(record, finalTier, price.tierRate[finalTier], price));
            }
        }
        return new VolumeRerating(key, total, List.copyOf(reversals), List.copyOf(finals));
    }

    private static RatedUsage reversal(RatedUsage record) {
        return record.reversal();
    }

    private static RatedUsage atTier(RatedUsage record, int tier, BigDecimal rate, CompiledPrice price) {
        Money charge = Money.of(price.atLeastMinimum(record.billedQuantity().multiply(rate), record.billedQuantity()),
                record.charge().currency());
        Allocation.Split split = Allocation.resplit(record.parties(), charge);
        TierUsage tiers = record.tiers();
        return new RatedUsage(record.usage(), RatedUsage.Kind.RERATED, record.billedQuantity(), record.billedUnit(),
                charge, split.parties(), split.margin(), record.allocation(), record.basis(),
                new TierUsage(TierMode.VOLUME, List.of(new TierPortion(tier, record.billedQuantity(), rate)), false,
                        tiers.accumulator(), tiers.accumulatorBefore(), tiers.accumulatorAfter()));
    }
}
