package io.accord.orchestration.quote;

import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.value.Money;
import io.accord.orchestration.offering.SellableOfferings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices a quote's items with the price versions in force at quote time. A single offering: its prices. A bundle
 * priced {@code SUM_OF_COMPONENTS}: each component's prices (components of components too); priced {@code OWN}:
 * the bundle's own prices. One-time and recurring amounts are the unit amount times the quantity, less the
 * quote's manual discount; usage prices are shown as rates (rated later, at the usage time, never discounted here).
 * Totals per charge type (one-time; recurring per period) and currency, summed with {@link Money} exactly.
 * Plain Java, no Spring.
 */
final class QuotePricing {

    static final String ONE_TIME = "ONE_TIME";
    static final String RECURRING = "RECURRING";
    static final String USAGE = "USAGE";
    private static final int MAX_BUNDLE_DEPTH = 5;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The read model at quote time. */
    interface Catalog {
        SellableOfferings.Offering offering(String offeringId);

        List<OfferingPrice> pricesInForce(String offeringId);
    }

    /** What the client chose for one item. */
    record Choice(String itemId, String offeringId, int quantity, Map<String, String> characteristics) {
    }

    /** A priced item. */
    record Line(String itemId, String offeringId, String offeringName, int quantity,
                Map<String, String> characteristics, List<LinePrice> prices) {
    }

    /**
     * One price of an item. {@code listAmount} and {@code amount} (after the discount) are for the whole quantity;
     * both {@code null} for a usage price, whose {@code unitAmount} is the flat rate ({@code null} when tiered).
     * {@code cspOffering}: a usage price of an offering the CSP owns and nobody co-creates, which rating rates for a
     * buyer partner under the buyer's RESELL agreement's wholesale rates, not at this retail rate ({@code null}:
     * otherwise, or priced before it was kept).
     */
    record LinePrice(String offeringId, String priceVersionId, String priceId, String name, String type,
                     String period, String unit, Money unitAmount, Money listAmount, Money amount,
                     List<OfferingPrice.Tier> tiers, Boolean cspOffering) {
    }

    /** The sum of one charge type ({@code period} for recurring charges) in one currency. */
    record Total(String type, String period, Money amount) {
    }

    record Priced(List<Line> lines, List<Total> totals) {
    }

    private QuotePricing() {
    }

    static Priced price(List<Choice> choices, Catalog catalog, BigDecimal discountPercent) {
        BigDecimal keep = HUNDRED.subtract(discountPercent).divide(HUNDRED);
        List<Line> lines = new ArrayList<>();
        for (Choice choice : choices) {
            SellableOfferings.Offering offering = catalog.offering(choice.offeringId());
            List<LinePrice> prices = new ArrayList<>();
            expand(offering, catalog, 0, prices, BigDecimal.valueOf(choice.quantity()), keep);
            lines.add(new Line(choice.itemId(), offering.id(), offering.name(), choice.quantity(),
                    choice.characteristics(), List.copyOf(prices)));
        }
        return new Priced(List.copyOf(lines), totals(lines));
    }

    private static void expand(SellableOfferings.Offering offering, Catalog catalog, int depth, List<LinePrice> into,
                               BigDecimal quantity, BigDecimal keep) {
        if (offering.bundle() && !offering.ownBundlePrice()) {
            if (depth >= MAX_BUNDLE_DEPTH) {
                throw new IllegalStateException("bundle " + offering.id() + " nests deeper than " + MAX_BUNDLE_DEPTH);
            }
            for (String component : offering.bundledOfferingIds()) {
                expand(catalog.offering(component), catalog, depth + 1, into, quantity, keep);
            }
            return;
        }
        for (OfferingPrice price : catalog.pricesInForce(offering.id())) {
            into.add(linePrice(offering, price, quantity, keep));
        }
    }

    private static LinePrice linePrice(SellableOfferings.Offering offering, OfferingPrice price, BigDecimal quantity,
                                       BigDecimal keep) {
        Money unit = price.amount() == null ? null : Money.of(price.amount(), price.currency());
        String name = offering.name() + ": " + (price.name() == null ? price.priceId() : price.name());
        if (USAGE.equals(price.type())) {
            return new LinePrice(offering.id(), price.priceVersionId(), price.priceId(), name, USAGE, null,
                    price.unit(), unit, null, null, price.tiers() == null ? List.of() : price.tiers(),
                    offering.partnerId() == null && (offering.participants() == null
                            || offering.participants().isEmpty()) ? Boolean.TRUE : null);
        }
        Money list = unit.times(quantity);
        return new LinePrice(offering.id(), price.priceVersionId(), price.priceId(), name, price.type(),
                RECURRING.equals(price.type()) ? price.period() : null, null, unit, list, list.times(keep), List.of(),
                null);
    }

    private static List<Total> totals(List<Line> lines) {
        Map<String, Total> sums = new LinkedHashMap<>();
        for (Line line : lines) {
            for (LinePrice price : line.prices()) {
                if (price.amount() == null) {
                    continue;
                }
                String key = price.type() + "/" + price.period() + "/" + price.amount().currency();
                sums.merge(key, new Total(price.type(), price.period(), price.amount()),
                        (a, b) -> new Total(a.type(), a.period(), a.amount().plus(b.amount())));
            }
        }
        return sums.values().stream()
                .sorted(Comparator.comparing(Total::type).thenComparing(t -> String.valueOf(t.period()))
                        .thenComparing(t -> t.amount().currency()))
                .toList();
    }
}
