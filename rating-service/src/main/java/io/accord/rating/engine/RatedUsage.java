package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.value.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rated usage record (or a re-rating's reversal or final record). For every one,
 * {@code charge = Σ payable shares + margin} exactly; an amount owed by a partner (a reseller of a CSP offering, or
 * a partner that bought a co-created or partner-owned offering for its own customer) is the charge itself.
 *
 * @param usage          the record rated
 * @param kind           first rating, reversal or re-rated final
 * @param billedQuantity the quantity charged, in {@code billedUnit}, after conversion, increments and minimum
 * @param billedUnit     the price's unit
 * @param charge         the charge (6 decimals, HALF_EVEN, rounded once)
 * @param parties        each partner's amount with its direction, empty when no partner is involved
 * @param margin         the CSP's margin: the charge less the payable shares
 * @param allocation     which allocation case applied
 * @param basis          the ids and versions rated with
 * @param tiers          the tier portions and the accumulator before and after
 */
public record RatedUsage(UsageRecord usage, Kind kind, BigDecimal billedQuantity, UnitOfMeasure billedUnit,
                         Money charge, List<PartyAmount> parties, Money margin, AllocationCase allocation,
                         RatingBasis basis, TierUsage tiers) implements RatingOutcome {

    /** Rated once, a reversal of an earlier rated record, or the final record replacing it. */
    public enum Kind { RATED, REVERSAL, RERATED }

    /**
     * The reversal of this record: every quantity and amount negated (the parties' and the usage's measured quantity
     * too), same usage otherwise, same basis and accumulator, not provisional. Added to this record, it nets to zero
     * exactly.
     */
    public RatedUsage reversal() {
        List<PartyAmount> negated = new java.util.ArrayList<>(parties.size());
        for (PartyAmount party : parties) {
            negated.add(new PartyAmount(party.partnerId(), party.direction(), party.sharePercent(),
                    Money.of(party.amount().amount().negate(), party.amount().currency())));
        }
        List<TierUsage.TierPortion> portions = new java.util.ArrayList<>(tiers.portions().size());
        for (TierUsage.TierPortion portion : tiers.portions()) {
            portions.add(new TierUsage.TierPortion(portion.tier(), portion.quantity().negate(), portion.rate()));
        }
        UsageRecord negatedUsage = new UsageRecord(usage.source(), usage.usageId(), usage.usageType(),
                usage.subscriberId(), usage.usageTime(), usage.quantity() == null ? null : usage.quantity().negate(),
                usage.unit(), usage.productInstanceId(), usage.offeringId(), usage.characteristics());
        return new RatedUsage(negatedUsage, Kind.REVERSAL, billedQuantity.negate(), billedUnit,
                Money.of(charge.amount().negate(), charge.currency()), List.copyOf(negated),
                Money.of(margin.amount().negate(), margin.currency()), allocation, basis,
                new TierUsage(tiers.mode(), List.copyOf(portions), false, tiers.accumulator(),
                        tiers.accumulatorBefore(), tiers.accumulatorAfter()));
    }

    /** The sum of the amounts payable to partners. */
    public Money payableShares() {
        Money total = Money.zero(charge.currency());
        for (PartyAmount party : parties) {
            if (party.direction() == PartyAmount.Direction.PAYABLE_TO_PARTNER) {
                total = total.plus(party.amount());
            }
        }
        return total;
    }
}
