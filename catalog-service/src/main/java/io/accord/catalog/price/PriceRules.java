package io.accord.catalog.price;

import io.accord.contracts.catalog.UnitOfMeasure;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The rules a price definition must follow, as plain Java: every broken rule is reported with its field (relative to
 * {@code prefix}), so an import row lists all its problems at once.
 */
final class PriceRules {

    /** Money carries 6 decimals (see {@code Money}); a price with more could not be charged exactly. */
    static final int MAX_SCALE = 6;
    /** Amounts and quantities are stored as {@code numeric(24, 6)}: at most 18 digits before the decimal point. */
    static final int MAX_INTEGER_DIGITS = 18;

    private final Predicate<String> isCurrency;
    private final Predicate<String> isTaxCategory;
    private final ToIntFunction<String> minorUnits;

    /** @param minorUnits a currency's minor unit decimals (EUR 2, JPY 0), for a code {@code isCurrency} accepts */
    PriceRules(Predicate<String> isCurrency, Predicate<String> isTaxCategory, ToIntFunction<String> minorUnits) {
        this.isCurrency = isCurrency;
        this.isTaxCategory = isTaxCategory;
        this.minorUnits = minorUnits;
    }

    /** Checks a set of prices of one offering: each price, and that their external ids are unique. */
    void checkAll(List<PriceDraft> prices, String prefix, BiConsumer<String, String> errors) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < prices.size(); i++) {
            PriceDraft price = prices.get(i);
            String at = prefix + "[" + i + "]";
            if (price == null) {
                errors.accept(at, "a price must not be null");
                continue;
            }
            check(price, at, errors);
            if (price.externalId() != null && !keys.add(price.externalId())) {
                errors.accept(at + ".externalId", "price externalId '" + price.externalId()
                        + "' appears twice in the offering");
            }
        }
        overlappingUsageTypes(prices, prefix, errors);
    }

    /**
     * Two usage prices of one offering never rate the same usage type: the prices of a definition are each in force
     * from their start on (a newer version of a price replaces it, so one key rates at most once at a time), so two
     * keys naming one usage type would both be in force from the later start, and rating could only pick one. The
     * later price in the list is named (an added price comes last).
     */
    private static void overlappingUsageTypes(List<PriceDraft> prices, String prefix,
                                              BiConsumer<String, String> errors) {
        java.util.Map<String, String> ratedBy = new java.util.HashMap<>();
        for (int i = 0; i < prices.size(); i++) {
            PriceDraft price = prices.get(i);
            if (price == null || price.type() != PriceDraft.PriceType.USAGE || price.externalId() == null) {
                continue;
            }
            for (String usageType : new java.util.LinkedHashSet<>(price.usageTypes())) {
                if (usageType == null || usageType.isBlank()) {
                    continue;
                }
                String other = ratedBy.putIfAbsent(usageType.strip(), price.externalId());
                if (other != null && !other.equals(price.externalId())) {
                    errors.accept(prefix + "[" + i + "].usageTypes", "usage type " + usageType.strip()
                            + " is rated by price '" + other + "' of the offering already, in an overlapping "
                            + "validity: a usage type is rated by one price at a time (change that price, or end it "
                            + "by leaving it out)");
                    break;
                }
            }
        }
    }

    void check(PriceDraft price, String at, BiConsumer<String, String> errors) {
        text(price.externalId(), 100, at + ".externalId", errors);
        text(price.name(), 200, at + ".name", errors);
        if (price.currency() == null || !isCurrency.test(price.currency())) {
            errors.accept(at + ".currency", "currency must be the ISO 4217 code of a currency in circulation, "
                    + "such as EUR (not a fund, metal, test or withdrawn code)");
        } else {
            wholeMinorUnits(price, at, errors);
        }
        if (price.taxCategory() == null || !isTaxCategory.test(price.taxCategory())) {
            errors.accept(at + ".taxCategory", "taxCategory must be a known tax category such as STANDARD");
        }
        if (price.validFrom() == null) {
            errors.accept(at + ".validFrom", "validFrom is mandatory");
        }
        amount(price.minimumCharge(), at + ".minimumCharge", errors);
        if (price.type() == null) {
            errors.accept(at + ".type", "type is mandatory: ONE_TIME, RECURRING or USAGE");
            return;
        }
        switch (price.type()) {
            case ONE_TIME -> {
                required(price.amount(), at + ".amount", errors);
                notUsage(price, at, errors);
                notRecurring(price, at, errors);
            }
            case RECURRING -> {
                required(price.amount(), at + ".amount", errors);
                notUsage(price, at, errors);
                if (price.period() == null) {
                    errors.accept(at + ".period", "a recurring price needs a period: MONTH or YEAR");
                }
            }
            case USAGE -> usage(price, at, errors);
        }
    }

    /**
     * A one-time or recurring charge, and any price's minimum charge, is billed as it is, so it is a whole number of
     * its currency's minor units (JPY 1.5 cannot be paid). A usage rate is per unit and may be finer: the rated
     * charge is rounded, not the rate.
     */
    private void wholeMinorUnits(PriceDraft price, String at, BiConsumer<String, String> errors) {
        if (price.type() == PriceDraft.PriceType.ONE_TIME || price.type() == PriceDraft.PriceType.RECURRING) {
            wholeMinorUnits(price.amount(), price.currency(), at + ".amount",
                    "one-time and recurring charges are billed in whole minor units", errors);
        }
        // a minimum charge is billed as it is, whatever the price's type (it is no per-unit rate)
        wholeMinorUnits(price.minimumCharge(), price.currency(), at + ".minimumCharge",
                "a minimum charge is billed in whole minor units", errors);
    }

    private void wholeMinorUnits(BigDecimal value, String currency, String field, String why,
                                 BiConsumer<String, String> errors) {
        if (value == null || value.signum() < 0) {
            return;
        }
        int digits = minorUnits.applyAsInt(currency);
        int scale = value.stripTrailingZeros().scale();
        if (digits >= 0 && scale > digits && scale <= MAX_SCALE) {
            errors.accept(field, "at most " + digits + " decimals in " + currency + ", its minor unit: " + why);
        }
    }

    private void usage(PriceDraft price, String at, BiConsumer<String, String> errors) {
        notRecurring(price, at, errors);
        if (price.unit() == null) {
            errors.accept(at + ".unit", "a usage price needs a unit of measure, e.g. MIN, MB, EVENT");
        }
        if (price.usageTypes().isEmpty() || price.usageTypes().stream().anyMatch(t -> t == null || t.isBlank())) {
            errors.accept(at + ".usageTypes", "a usage price names the usage type(s) it rates");
        }
        if (price.tiers().isEmpty()) {
            required(price.amount(), at + ".amount", errors);
            if (price.tierMode() != null) {
                errors.accept(at + ".tierMode", "tierMode needs tiers");
            }
        } else {
            if (price.amount() != null) {
                errors.accept(at + ".amount", "a tiered usage price has its rates in the tiers, not an amount");
            }
            if (price.tierMode() == null) {
                errors.accept(at + ".tierMode", "tiered prices need a tierMode: GRADUATED or VOLUME");
            }
            TierRules.check(price.tiers(), at + ".tiers", errors);
        }
        rounding(price, at, errors);
    }

    private static void rounding(PriceDraft price, String at, BiConsumer<String, String> errors) {
        boolean rounded = price.roundingFirst() != null || price.roundingNext() != null;
        boolean timed = price.unit() != null && price.unit().dimension() == UnitOfMeasure.Dimension.TIME;
        if ((rounded || price.minimumQuantity() != null) && price.unit() != null && !timed) {
            errors.accept(at + ".roundingFirst", "rounding increments and a minimum quantity apply to time units only");
            return;
        }
        if (rounded && (price.roundingFirst() == null || price.roundingNext() == null)) {
            errors.accept(at + (price.roundingFirst() == null ? ".roundingFirst" : ".roundingNext"),
                    "give both rounding increments, e.g. 60/1 or 30/30");
        }
        if (price.roundingFirst() != null && price.roundingFirst() < 1) {
            errors.accept(at + ".roundingFirst", "the first rounding increment must be 1 or more");
        }
        if (price.roundingNext() != null && price.roundingNext() < 1) {
            errors.accept(at + ".roundingNext", "the next rounding increment must be 1 or more");
        }
        amount(price.minimumQuantity(), at + ".minimumQuantity", errors);
    }

    /** Names the first usage-only field a one-time or recurring price gives (the field the client must drop). */
    private static void notUsage(PriceDraft price, String at, BiConsumer<String, String> errors) {
        String field = price.unit() != null ? "unit" : !price.tiers().isEmpty() ? "tiers"
                : price.tierMode() != null ? "tierMode"
                : price.roundingFirst() != null ? "roundingFirst" : price.roundingNext() != null ? "roundingNext"
                : price.minimumQuantity() != null ? "minimumQuantity" : !price.usageTypes().isEmpty() ? "usageTypes"
                : price.accumulation() != null ? "accumulation" : null;
        if (field != null) {
            errors.accept(at + "." + field,
                    "unit, tiers, rounding, usage types and accumulation apply to usage prices only");
        }
    }

    /** A one-time or usage price has no period or proration: each one given is named. */
    private static void notRecurring(PriceDraft price, String at, BiConsumer<String, String> errors) {
        if (price.period() != null) {
            errors.accept(at + ".period", "period and proration apply to recurring prices only");
        }
        if (price.proration() != null) {
            errors.accept(at + ".proration", "period and proration apply to recurring prices only");
        }
    }

    private static void required(BigDecimal value, String field, BiConsumer<String, String> errors) {
        if (value == null) {
            errors.accept(field, field.substring(field.lastIndexOf('.') + 1) + " is mandatory");
        } else {
            amount(value, field, errors);
        }
    }

    static void amount(BigDecimal value, String field, BiConsumer<String, String> errors) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0) {
            errors.accept(field, "must not be negative");
        } else if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            errors.accept(field, "at most " + MAX_SCALE + " decimals");
        } else if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            errors.accept(field, "at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
    }

    static void text(String value, int max, String field, BiConsumer<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.accept(field, field.substring(field.lastIndexOf('.') + 1) + " is mandatory");
        } else if (value.length() > max) {
            errors.accept(field, "at most " + max + " characters");
        }
    }
}
