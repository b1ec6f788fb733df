package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * One version of an offering's price for a usage type, as the catalog read model knows it.
 *
 * @param priceVersionId   the version's id (recorded with every rated record)
 * @param version          its version number
 * @param offeringId       the offering it prices
 * @param usageType        the usage type it prices
 * @param unit             the unit quantities are billed and rates are expressed in
 * @param rate             the per-unit rate of a {@link TierMode#FLAT} price; ignored for tiered ones
 * @param firstIncrement   the first rounding increment in {@code incrementUnit} (60 of "60/1"), {@code null} for none
 * @param nextIncrement    the following increments (1 of "60/1"); {@code null} means the same as the first
 * @param incrementUnit    the unit of the increments, of the same dimension as {@code unit}; {@code null} means
 *                         {@code unit} (a per-minute price rounded 60/1 in seconds: increments 60 and 1 in
 *                         {@link UnitOfMeasure#S}, which no finite decimal of minutes could express)
 * @param minimumQuantity  the least billed quantity of a non-zero record, {@code null} for none
 * @param tierMode         flat, graduated or volume
 * @param tiers            for tiered modes: contiguous tiers from 0 upwards, the last one open-ended
 * @param tierPeriod       the tier accumulator's period, {@code null} for the calendar month (UTC)
 * @param currency         ISO 4217 code of the rates
 * @param validFrom        in force from this instant (inclusive)
 * @param validTo          in force until this instant (exclusive), {@code null} while open-ended
 * @param taxCategory      the price's tax category code (the catalog's), carried to the rated record for billing on
 *                         behalf; {@code null} when the price names none
 * @param minimumCharge    the least charge of a record with a billed quantity above zero, in {@code currency}
 *                         (whatever its tiers come to); {@code null} for none
 */
public record UsagePriceVersion(String priceVersionId, int version, String offeringId, String usageType,
                                UnitOfMeasure unit, BigDecimal rate, BigDecimal firstIncrement,
                                BigDecimal nextIncrement, UnitOfMeasure incrementUnit, BigDecimal minimumQuantity,
                                TierMode tierMode, List<Tier> tiers, TierPeriod tierPeriod, String currency,
                                Instant validFrom, Instant validTo, String taxCategory, BigDecimal minimumCharge) {

    /** A price without a minimum charge. */
    public UsagePriceVersion(String priceVersionId, int version, String offeringId, String usageType,
                             UnitOfMeasure unit, BigDecimal rate, BigDecimal firstIncrement, BigDecimal nextIncrement,
                             UnitOfMeasure incrementUnit, BigDecimal minimumQuantity, TierMode tierMode,
                             List<Tier> tiers, TierPeriod tierPeriod, String currency, Instant validFrom,
                             Instant validTo, String taxCategory) {
        this(priceVersionId, version, offeringId, usageType, unit, rate, firstIncrement, nextIncrement, incrementUnit,
                minimumQuantity, tierMode, tiers, tierPeriod, currency, validFrom, validTo, taxCategory, null);
    }

    /** A price without a tax category. */
    public UsagePriceVersion(String priceVersionId, int version, String offeringId, String usageType,
                             UnitOfMeasure unit, BigDecimal rate, BigDecimal firstIncrement, BigDecimal nextIncrement,
                             UnitOfMeasure incrementUnit, BigDecimal minimumQuantity, TierMode tierMode,
                             List<Tier> tiers, TierPeriod tierPeriod, String currency, Instant validFrom,
                             Instant validTo) {
        this(priceVersionId, version, offeringId, usageType, unit, rate, firstIncrement, nextIncrement, incrementUnit,
                minimumQuantity, tierMode, tiers, tierPeriod, currency, validFrom, validTo, null);
    }

    /** A price whose increments are in its own unit. */
    public UsagePriceVersion(String priceVersionId, int version, String offeringId, String usageType,
                             UnitOfMeasure unit, BigDecimal rate, BigDecimal firstIncrement, BigDecimal nextIncrement,
                             BigDecimal minimumQuantity, TierMode tierMode, List<Tier> tiers, TierPeriod tierPeriod,
                             String currency, Instant validFrom, Instant validTo) {
        this(priceVersionId, version, offeringId, usageType, unit, rate, firstIncrement, nextIncrement, null,
                minimumQuantity, tierMode, tiers, tierPeriod, currency, validFrom, validTo, null);
    }

    /** How tiers price a record. */
    public enum TierMode {
        /** One rate for every unit. */
        FLAT,
        /** Each unit at the rate of the tier its position in the period falls in. */
        GRADUATED,
        /** Every unit of the period at the rate of the tier the period's total reaches (final at period end). */
        VOLUME
    }

    /** The period a tier accumulator counts over, in UTC. */
    public enum TierPeriod { CALENDAR_MONTH, CALENDAR_YEAR }

    /**
     * A tier covering the period's quantity from {@code from} (exclusive) up to {@code to} (inclusive), that is
     * the units in positions {@code (from, to]}; {@code to} is {@code null} for the open-ended last tier.
     */
    public record Tier(BigDecimal from, BigDecimal to, BigDecimal rate) {

        public Tier {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(rate, "rate");
            EffectiveDating.requireNotNegative(from, "tier from");
            EffectiveDating.requireNotNegative(rate, "tier rate");
            if (to != null && to.compareTo(from) <= 0) {
                throw new IllegalArgumentException("tier to " + to + " is not above from " + from);
            }
        }
    }

    public UsagePriceVersion {
        Objects.requireNonNull(priceVersionId, "priceVersionId");
        Objects.requireNonNull(offeringId, "offeringId");
        Objects.requireNonNull(usageType, "usageType");
        Objects.requireNonNull(unit, "unit");
        Currency.getInstance(Objects.requireNonNull(currency, "currency"));
        EffectiveDating.requireValidity(validFrom, validTo);
        tierMode = tierMode == null ? TierMode.FLAT : tierMode;
        tierPeriod = tierPeriod == null ? TierPeriod.CALENDAR_MONTH : tierPeriod;
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        nextIncrement = nextIncrement == null ? firstIncrement : nextIncrement;
        incrementUnit = incrementUnit == null ? unit : incrementUnit;
        if (!incrementUnit.convertsTo(unit)) {
            throw new IllegalArgumentException("increments in " + incrementUnit + " do not convert to " + unit);
        }
        requirePositive(firstIncrement, "firstIncrement");
        requirePositive(nextIncrement, "nextIncrement");
        EffectiveDating.requireNotNegative(minimumQuantity, "minimumQuantity");
        EffectiveDating.requireNotNegative(minimumCharge, "minimumCharge");
        if (tierMode == TierMode.FLAT) {
            Objects.requireNonNull(rate, "rate of a flat price");
            EffectiveDating.requireNotNegative(rate, "rate");
        } else {
            requireContiguous(tiers);
        }
    }

    private static void requirePositive(BigDecimal value, String name) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requireContiguous(List<Tier> tiers) {
        if (tiers.isEmpty() || tiers.getFirst().from().signum() != 0) {
            throw new IllegalArgumentException("tiers must start at 0");
        }
        for (int i = 1; i < tiers.size(); i++) {
            BigDecimal previousTo = tiers.get(i - 1).to();
            if (previousTo == null || previousTo.compareTo(tiers.get(i).from()) != 0) {
                throw new IllegalArgumentException("tier " + i + " does not start where tier " + (i - 1) + " ends");
            }
        }
        if (tiers.getLast().to() != null) {
            throw new IllegalArgumentException("the last tier must be open-ended, so every unit has a rate");
        }
    }
}
