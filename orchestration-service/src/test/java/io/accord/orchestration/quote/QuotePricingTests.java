package io.accord.orchestration.quote;

import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.value.Money;
import io.accord.orchestration.offering.SellableOfferings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QuotePricingTests {

    private static final Map<String, SellableOfferings.Offering> OFFERINGS = Map.of(
            "a", offering("a", false, null, List.of()),
            "b", offering("b", false, null, List.of()),
            "sum", offering("sum", true, "SUM_OF_COMPONENTS", List.of("a", "b")),
            "own", offering("own", true, "OWN", List.of("a", "b")),
            "nested", offering("nested", true, "SUM_OF_COMPONENTS", List.of("sum", "a")));
    private static final Map<String, List<OfferingPrice>> PRICES = Map.of(
            "a", List.of(price("RECURRING", "MONTH", "10.10", "EUR"), price("ONE_TIME", null, "5", "EUR"),
                    price("USAGE", null, "0.000123", "EUR")),
            "b", List.of(price("RECURRING", "MONTH", "0.333333", "EUR"), price("RECURRING", "YEAR", "100", "EUR")),
            "own", List.of(price("RECURRING", "MONTH", "9.99", "EUR")),
            "sum", List.of(price("RECURRING", "MONTH", "999", "EUR")));
    private static final QuotePricing.Catalog CATALOG = new QuotePricing.Catalog() {
        @Override
        public SellableOfferings.Offering offering(String offeringId) {
            return OFFERINGS.get(offeringId);
        }

        @Override
        public List<OfferingPrice> pricesInForce(String offeringId) {
            return PRICES.getOrDefault(offeringId, List.of());
        }
    };

    @Test
    void totalsPerChargeTypeAndPeriodAreExactSums() {
        var priced = QuotePricing.price(List.of(choice("1", "a", 3), choice("2", "b", 3)), CATALOG, BigDecimal.ZERO);

        assertThat(priced.totals()).containsExactly(
                new QuotePricing.Total("ONE_TIME", null, Money.of("15", "EUR")),
                new QuotePricing.Total("RECURRING", "MONTH", Money.of("31.299999", "EUR")),
                new QuotePricing.Total("RECURRING", "YEAR", Money.of("300", "EUR")));
        QuotePricing.LinePrice usage = priced.lines().getFirst().prices().get(2);
        assertThat(usage.unitAmount()).isEqualTo(Money.of("0.000123", "EUR"));
        assertThat(usage.amount()).as("usage is rated later, not totalled").isNull();
    }

    @Test
    void aBundleSumsItsComponentsRecursivelyOrUsesItsOwnPrice() {
        var summed = QuotePricing.price(List.of(choice("1", "sum", 1)), CATALOG, BigDecimal.ZERO);
        var nested = QuotePricing.price(List.of(choice("1", "nested", 1)), CATALOG, BigDecimal.ZERO);
        var own = QuotePricing.price(List.of(choice("1", "own", 2)), CATALOG, BigDecimal.ZERO);

        assertThat(summed.lines().getFirst().prices()).extracting(QuotePricing.LinePrice::offeringId)
                .containsExactly("a", "a", "a", "b", "b");
        assertThat(total(summed, "MONTH")).isEqualTo(Money.of("10.433333", "EUR"));
        assertThat(total(nested, "MONTH")).isEqualTo(Money.of("20.533333", "EUR"));
        assertThat(own.totals()).containsExactly(new QuotePricing.Total("RECURRING", "MONTH", Money.of("19.98", "EUR")));
    }

    @Test
    void theDiscountReducesOneTimeAndRecurringAmountsRoundedHalfEvenOnce() {
        var priced = QuotePricing.price(List.of(choice("1", "b", 1)), CATALOG, new BigDecimal("12.5"));

        // 0.333333 × 0.875 = 0.291666375 → 0.291666 (half even at 6 decimals)
        assertThat(total(priced, "MONTH")).isEqualTo(Money.of("0.291666", "EUR"));
        assertThat(total(priced, "YEAR")).isEqualTo(Money.of("87.5", "EUR"));
        assertThat(priced.lines().getFirst().prices().getFirst().listAmount()).isEqualTo(Money.of("0.333333", "EUR"));
    }

    private static Money total(QuotePricing.Priced priced, String period) {
        return priced.totals().stream().filter(t -> period.equals(t.period())).findFirst().orElseThrow().amount();
    }

    private static QuotePricing.Choice choice(String item, String offering, int quantity) {
        return new QuotePricing.Choice(item, offering, quantity, Map.of());
    }

    private static SellableOfferings.Offering offering(String id, boolean bundle, String pricing,
                                                       List<String> components) {
        return new SellableOfferings.Offering(id, null, 1, id, "C", List.of(), null, null, bundle, pricing,
                components, null, List.of(), null, null);
    }

    private static OfferingPrice price(String type, String period, String amount, String currency) {
        return new OfferingPrice(type + period + amount, type + period, 1, type, type, amount, currency, "STD",
                period, null, "USAGE".equals(type) ? "MB" : null, null, null, null, null, null, null, null, null,
                Instant.EPOCH, null);
    }
}
