package io.accord.catalog.price;

import io.accord.contracts.catalog.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One price of an offering (TMF620 productOfferingPrice) as its owner defines it. Within an offering a price is
 * keyed by {@code externalId}; a change of a launched price becomes a new price version starting at
 * {@code validFrom} (past starts correct, future starts announce).
 *
 * @param externalId       the price's key within its offering (unique per offering), e.g. {@code monthly}
 * @param type             one-time, recurring or usage
 * @param amount           the charge: per occurrence (one-time), per period (recurring), per unit (usage without
 *                         tiers); {@code null} for a tiered usage price
 * @param currency         ISO 4217 code
 * @param taxCategory      a tax category code of the reference data (e.g. {@code STANDARD})
 * @param period           recurring only: {@code MONTH} or {@code YEAR}
 * @param proration        recurring only: {@code DAILY} or {@code NONE}
 * @param unit             usage only: the unit of measure the amount/tier rates are per
 * @param roundingFirst    usage, time units only: the first increment a usage is rounded up to (e.g. 60 of 60/1)
 * @param roundingNext     usage, time units only: each next increment (e.g. 1 of 60/1)
 * @param minimumQuantity  usage, time units only: the least quantity charged per usage record
 * @param tierMode         usage with tiers: {@code GRADUATED} or {@code VOLUME}
 * @param tiers            usage: contiguous from 0, increasing, the last open-ended (empty: flat {@code amount})
 * @param accumulation     usage: the period tiers accumulate over ({@code CALENDAR_MONTH} by default)
 * @param usageTypes       usage: the usage types it rates (e.g. {@code VOICE}, {@code DATA}, {@code API_CALL})
 * @param minimumCharge    optional least charge per period (recurring/usage) or per occurrence
 * @param validFrom        when this version starts to be in force
 */
public record PriceDraft(String externalId, String name, PriceType type, BigDecimal amount, String currency,
                         String taxCategory, RecurringPeriod period, Proration proration, UnitOfMeasure unit,
                         Integer roundingFirst, Integer roundingNext, BigDecimal minimumQuantity, TierMode tierMode,
                         List<Tier> tiers, Accumulation accumulation, List<String> usageTypes,
                         BigDecimal minimumCharge, Instant validFrom) {

    public PriceDraft {
        tiers = tiers == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tiers));
        usageTypes = usageTypes == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(usageTypes));
    }

    /**
     * The canonical form two equal definitions share: names stripped, decimals without trailing zeros, defaults made
     * explicit (recurring proration {@code NONE}, usage accumulation {@code CALENDAR_MONTH}).
     */
    public PriceDraft normalized() {
        return new PriceDraft(strip(externalId), strip(name), type, strip(amount), strip(currency), strip(taxCategory),
                period, type == PriceType.RECURRING && proration == null ? Proration.NONE : proration, unit,
                roundingFirst, roundingNext, strip(minimumQuantity), tierMode,
                tiers.stream().map(t -> t == null ? null : new Tier(strip(t.from()), strip(t.to()), strip(t.rate())))
                        .toList(),
                type == PriceType.USAGE && accumulation == null ? Accumulation.CALENDAR_MONTH : accumulation,
                usageTypes.stream().map(PriceDraft::strip).toList(), strip(minimumCharge), validFrom);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    public enum PriceType { ONE_TIME, RECURRING, USAGE }

    public enum RecurringPeriod { MONTH, YEAR }

    public enum Proration { DAILY, NONE }

    public enum TierMode { GRADUATED, VOLUME }

    public enum Accumulation { CALENDAR_MONTH, CALENDAR_YEAR }

    /**
     * One usage tier: quantities from {@code from} (inclusive) up to {@code to} (exclusive; {@code null} for the
     * last, open-ended tier) are rated at {@code rate} per unit.
     */
    public record Tier(BigDecimal from, BigDecimal to, BigDecimal rate) {
    }
}
