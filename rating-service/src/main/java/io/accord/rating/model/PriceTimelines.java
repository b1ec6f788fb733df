package io.accord.rating.model;

import io.accord.rating.model.ModelRows.PriceRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The validity of each usage price version, derived from all versions of its price, so that it does not depend on
 * the order the events arrived in (catalog's rules, docs/catalog-model.md): a version ends where the next higher
 * version that starts after it starts (or earlier, if an event said so), and a version that a higher version starts
 * at or before was superseded while announced and is never in force.
 */
final class PriceTimelines {

    private PriceTimelines() {
    }

    /**
     * @param validTo    the effective end (exclusive), {@code null} while open
     * @param superseded replaced before it started: never in force
     */
    record EffectivePrice(PriceRow row, Instant validTo, boolean superseded) {

        boolean everInForce() {
            return !superseded && (validTo == null || validTo.isAfter(row.price().validFrom()));
        }
    }

    static List<EffectivePrice> effective(List<PriceRow> rows) {
        Map<String, List<PriceRow>> byPrice = new HashMap<>();
        for (PriceRow row : rows) {
            byPrice.computeIfAbsent(row.offeringId() + '\u0000' + row.price().priceId(), key -> new ArrayList<>())
                    .add(row);
        }
        List<EffectivePrice> result = new ArrayList<>(rows.size());
        for (PriceRow row : rows) {
            Instant from = row.price().validFrom();
            Instant to = row.price().validTo();
            boolean superseded = false;
            for (PriceRow other : byPrice.get(row.offeringId() + '\u0000' + row.price().priceId())) {
                if (other.price().version() <= row.price().version()) {
                    continue;
                }
                Instant otherFrom = other.price().validFrom();
                if (!otherFrom.isAfter(from)) {
                    superseded = true;
                } else if (to == null || otherFrom.isBefore(to)) {
                    to = otherFrom;
                }
            }
            result.add(new EffectivePrice(row, to, superseded));
        }
        return result;
    }
}
