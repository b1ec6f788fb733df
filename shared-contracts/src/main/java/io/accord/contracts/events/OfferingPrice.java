package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * One price version of an offering as catalog events carry it: everything rating and quoting need to charge with
 * it, without calling the catalog. Decimals are strings (exact). A version is immutable; a change is a new version
 * with a new {@code priceVersionId}, and the version it replaces gets its {@code validTo}.
 *
 * @param priceVersionId   the id product instances and rated usage refer to
 * @param priceId          the price's key within the offering (its external id, e.g. {@code monthly})
 * @param version          1, 2, … per price
 * @param type             {@code ONE_TIME}, {@code RECURRING} or {@code USAGE}
 * @param amount           per occurrence, per period, or per unit of a flat usage price; {@code null} when tiered
 * @param currency         ISO 4217
 * @param taxCategory      tax category code (the rate comes from the agreement's tax treatment)
 * @param period           recurring: {@code MONTH} or {@code YEAR}
 * @param proration        recurring: {@code DAILY} or {@code NONE}
 * @param unit             usage: unit of measure code ({@code MIN}, {@code MB}, {@code EVENT}, …)
 * @param roundingFirst    usage in time units: the first increment a record is rounded up to, in seconds (60 of
 *                         60/1)
 * @param roundingNext     usage in time units: each next increment, in seconds (1 of 60/1)
 * @param minimumQuantity  usage in time units: least quantity charged per record
 * @param tierMode         {@code GRADUATED} (each unit at its tier's rate) or {@code VOLUME} (all units at the
 *                         reached tier's rate); {@code null} for a flat price
 * @param tiers            contiguous from 0, the last open-ended
 * @param accumulation     the period tiers accumulate over: {@code CALENDAR_MONTH} or {@code CALENDAR_YEAR}
 * @param usageTypes       the usage types this price rates
 * @param minimumCharge    optional least charge
 * @param validFrom        in force from (inclusive)
 * @param validTo          in force until (exclusive), {@code null} while no newer version is known
 */
public record OfferingPrice(
        String priceVersionId,
        String priceId,
        int version,
        String name,
        String type,
        String amount,
        String currency,
        String taxCategory,
        String period,
        String proration,
        String unit,
        Integer roundingFirst,
        Integer roundingNext,
        String minimumQuantity,
        String tierMode,
        List<Tier> tiers,
        String accumulation,
        List<String> usageTypes,
        String minimumCharge,
        Instant validFrom,
        Instant validTo) {

    /** Quantities from {@code from} (inclusive) to {@code to} (exclusive, {@code null}: open) at {@code rate}. */
    public record Tier(String from, String to, String rate) {
    }
}
