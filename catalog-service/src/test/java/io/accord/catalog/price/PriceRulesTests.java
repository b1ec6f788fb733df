package io.accord.catalog.price;

import io.accord.contracts.catalog.UnitOfMeasure;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PriceRulesTests {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private final PriceRules rules = new PriceRules(Set.of("EUR", "USD", "JPY", "KWD")::contains,
            Set.of("STANDARD")::contains, code -> java.util.Currency.getInstance(code).getDefaultFractionDigits());

    @Test
    void acceptsAValidPriceOfEachType() {
        assertThat(errors(oneTime("19.99"))).isEmpty();
        assertThat(errors(recurring("9.99", PriceDraft.RecurringPeriod.YEAR))).isEmpty();
        assertThat(errors(usage(UnitOfMeasure.MIN, 60, 1, graduated()))).isEmpty();
        assertThat(errors(usage(UnitOfMeasure.S, 30, 30, graduated()))).isEmpty();
    }

    @Test
    void namesEveryBrokenFieldAtOnce() {
        PriceDraft broken = new PriceDraft(" ", null, PriceDraft.PriceType.ONE_TIME, new BigDecimal("-1"), "XXX",
                "LUXURY", null, null, null, null, null, null, null, List.of(), null, List.of(), null, null);

        assertThat(errors(broken)).containsExactlyInAnyOrder("p.externalId", "p.name", "p.amount", "p.currency",
                "p.taxCategory", "p.validFrom");
    }

    @Test
    void refusesMoreThanSixDecimals() {
        assertThat(errors(flatUsage("0.1234567", "EUR"))).containsExactly("p.amount");
        assertThat(errors(flatUsage("0.1234560", "EUR"))).isEmpty();
    }

    @Test
    void refusesMoreIntegerDigitsThanTheColumnsHold() {
        assertThat(errors(flatUsage("999999999999999999.999999", "EUR"))).isEmpty();
        assertThat(errors(oneTime("1000000000000000000"))).containsExactly("p.amount");
        assertThat(errors(oneTime("1e400"))).containsExactly("p.amount");
        assertThat(errors(usage(UnitOfMeasure.MIN, null, null,
                List.of(tier("0", "1e19", "1"), tier("1e19", null, "1"))))).containsExactly("p.tiers[0].to");
    }

    @Test
    void aCurrencyIsOneInCirculationAndOneTimeAndRecurringChargesAreWholeMinorUnitsUsageRatesMayBeFiner() {
        assertThat(errors(inCurrency(oneTime("1"), "XTS"))).containsExactly("p.currency");
        assertThat(errors(inCurrency(oneTime("1.5"), "JPY"))).containsExactly("p.amount");
        assertThat(errors(inCurrency(oneTime("1.50"), "EUR"))).isEmpty();
        assertThat(errors(inCurrency(oneTime("1.005"), "EUR"))).containsExactly("p.amount");
        assertThat(errors(inCurrency(recurring("9.999", PriceDraft.RecurringPeriod.MONTH), "EUR")))
                .containsExactly("p.amount");
        assertThat(errors(inCurrency(recurring("9.999", PriceDraft.RecurringPeriod.MONTH), "KWD"))).isEmpty();
        assertThat(errors(inCurrency(oneTime("1500"), "JPY"))).isEmpty();
        assertThat(errors(flatUsage("0.0125", "JPY"))).as("a per-unit rate").isEmpty();
        List<String> messages = new ArrayList<>();
        rules.check(inCurrency(oneTime("1.5"), "JPY"), "p", (field, message) -> messages.add(message));
        assertThat(messages).singleElement().asString().contains("at most 0 decimals in JPY");
    }

    @Test
    void aMinimumChargeOfAnyPriceIsAWholeNumberOfItsCurrencysMinorUnit() {
        assertThat(errors(withMinimumCharge(flatUsage("0.0125", "JPY"), "0.5"))).containsExactly("p.minimumCharge");
        assertThat(errors(withMinimumCharge(flatUsage("0.0125", "EUR"), "0.005"))).containsExactly("p.minimumCharge");
        assertThat(errors(withMinimumCharge(oneTime("1.50"), "0.001"))).containsExactly("p.minimumCharge");
        assertThat(errors(withMinimumCharge(inCurrency(recurring("1500", PriceDraft.RecurringPeriod.MONTH), "JPY"),
                "99.9"))).containsExactly("p.minimumCharge");
        assertThat(errors(withMinimumCharge(flatUsage("0.0125", "JPY"), "50"))).isEmpty();
        assertThat(errors(withMinimumCharge(flatUsage("0.0125", "EUR"), "0.50"))).isEmpty();
        assertThat(errors(withMinimumCharge(flatUsage("0.0125", "KWD"), "0.125"))).isEmpty();
        List<String> messages = new ArrayList<>();
        rules.check(withMinimumCharge(flatUsage("0.0125", "JPY"), "0.5"), "p",
                (field, message) -> messages.add(message));
        assertThat(messages).singleElement().asString().contains("at most 0 decimals in JPY", "minimum charge");
    }

    @Test
    void aRecurringPriceNeedsAPeriodAndUsageFieldsBelongToUsagePrices() {
        assertThat(errors(recurring("5", null))).containsExactly("p.period");
        PriceDraft withUnit = new PriceDraft("p", "p", PriceDraft.PriceType.ONE_TIME, BigDecimal.ONE, "EUR",
                "STANDARD", null, null, UnitOfMeasure.MB, null, null, null, null, List.of(), null, List.of(), null,
                FROM);
        assertThat(errors(withUnit)).containsExactly("p.unit");
    }

    @Test
    void roundingIncrementsAndMinimumsApplyToTimeUnitsOnly() {
        assertThat(errors(usage(UnitOfMeasure.MB, 60, 1, graduated()))).containsExactly("p.roundingFirst");
        assertThat(errors(usage(UnitOfMeasure.MIN, 60, null, graduated()))).containsExactly("p.roundingNext");
        assertThat(errors(usage(UnitOfMeasure.MIN, 0, 1, graduated()))).containsExactly("p.roundingFirst");
    }

    @Test
    void tiersAreContiguousFromZeroIncreasingAndOpenEndedAtTheEnd() {
        assertThat(errors(usage(UnitOfMeasure.MIN, null, null, List.of(tier("1", "10", "1"), tier("10", null, "1")))))
                .containsExactly("p.tiers[0].from");
        assertThat(errors(usage(UnitOfMeasure.MIN, null, null, List.of(tier("0", "10", "1"), tier("12", null, "1")))))
                .containsExactly("p.tiers[1].from");
        assertThat(errors(usage(UnitOfMeasure.MIN, null, null, List.of(tier("0", "10", "1"), tier("10", "20", "1")))))
                .containsExactly("p.tiers[1].to");
        assertThat(errors(usage(UnitOfMeasure.MIN, null, null, List.of(tier("0", null, "1"), tier("10", null, "1")))))
                .contains("p.tiers[0].to");
        assertThat(errors(usage(UnitOfMeasure.MIN, null, null, List.of(tier("0", "0", "1"), tier("0", null, "1")))))
                .containsExactly("p.tiers[0].to");
        assertThat(errors(usage(UnitOfMeasure.MIN, null, null, List.of(tier("0", "10", "-0.01"),
                tier("10", null, "0"))))).containsExactly("p.tiers[0].rate");
    }

    @Test
    void aTieredPriceNeedsAModeAndNoFlatAmount() {
        PriceDraft noMode = new PriceDraft("p", "p", PriceDraft.PriceType.USAGE, BigDecimal.ONE, "EUR", "STANDARD",
                null, null, UnitOfMeasure.EVENT, null, null, null, null, graduated(), null, List.of("SMS"), null,
                FROM);
        assertThat(errors(noMode)).containsExactlyInAnyOrder("p.amount", "p.tierMode");
    }

    @Test
    void aUsagePriceNamesItsUsageTypes() {
        PriceDraft untyped = new PriceDraft("p", "p", PriceDraft.PriceType.USAGE, new BigDecimal("0.01"), "EUR",
                "STANDARD", null, null, UnitOfMeasure.MB, null, null, null, null, List.of(), null, List.of(), null,
                FROM);
        assertThat(errors(untyped)).containsExactly("p.usageTypes");
    }

    @Test
    void priceKeysAreUniqueWithinAnOffering() {
        List<String> fields = new ArrayList<>();
        rules.checkAll(List.of(oneTime("1"), oneTime("2")), "prices", (field, message) -> fields.add(field));
        assertThat(fields).containsExactly("prices[1].externalId");
    }

    @Test
    void normalizingMakesDefaultsExplicitAndDecimalsComparable() {
        PriceDraft a = recurring("9.90", PriceDraft.RecurringPeriod.MONTH);
        PriceDraft b = new PriceDraft("p", "Price", PriceDraft.PriceType.RECURRING, new BigDecimal("9.9"), "EUR",
                "STANDARD", PriceDraft.RecurringPeriod.MONTH, PriceDraft.Proration.NONE, null, null, null, null, null,
                List.of(), null, List.of(), null, FROM);
        assertThat(a.normalized()).isEqualTo(b.normalized());
    }

    @Test
    void twoPricesOfAnOfferingNeverRateOneUsageType() {
        PriceDraft graduatedData = keyed(usage(UnitOfMeasure.GB, null, null, graduated()), "data-graduated",
                List.of("DATA"));
        PriceDraft flatData = keyed(usage(UnitOfMeasure.GB, null, null, graduated()), "data-flat",
                List.of("SMS", "DATA"));
        PriceDraft voice = keyed(usage(UnitOfMeasure.MIN, null, null, graduated()), "voice", List.of("VOICE"));
        List<String> fields = new ArrayList<>();
        List<String> messages = new ArrayList<>();

        rules.checkAll(List.of(graduatedData, voice, flatData), "prices", (field, message) -> {
            fields.add(field);
            messages.add(message);
        });

        assertThat(fields).containsExactly("prices[2].usageTypes");
        assertThat(messages.getFirst()).contains("DATA").contains("'data-graduated'");
        List<String> distinct = new ArrayList<>();
        rules.checkAll(List.of(graduatedData, voice), "prices", (field, message) -> distinct.add(field));
        assertThat(distinct).isEmpty();
    }

    @Test
    void aOneTimePriceNamesTheFieldItMustDrop() {
        PriceDraft withPeriod = new PriceDraft("p", "Price", PriceDraft.PriceType.ONE_TIME, BigDecimal.ONE, "EUR",
                "STANDARD", PriceDraft.RecurringPeriod.MONTH, null, null, null, null, null, null, List.of(), null,
                List.of(), null, FROM);
        PriceDraft withUsageTypes = new PriceDraft("p", "Price", PriceDraft.PriceType.ONE_TIME, BigDecimal.ONE,
                "EUR", "STANDARD", null, PriceDraft.Proration.DAILY, null, null, null, null, null, List.of(), null,
                List.of("DATA"), null, FROM);

        assertThat(errors(withPeriod)).containsExactly("p.period");
        assertThat(errors(withUsageTypes)).containsExactlyInAnyOrder("p.usageTypes", "p.proration");
    }

    private static PriceDraft keyed(PriceDraft p, String key, List<String> usageTypes) {
        return new PriceDraft(key, p.name(), p.type(), p.amount(), p.currency(), p.taxCategory(), p.period(),
                p.proration(), p.unit(), p.roundingFirst(), p.roundingNext(), p.minimumQuantity(), p.tierMode(),
                p.tiers(), p.accumulation(), usageTypes, p.minimumCharge(), p.validFrom());
    }

    private List<String> errors(PriceDraft price) {
        List<String> fields = new ArrayList<>();
        rules.check(price, "p", (field, message) -> fields.add(field));
        return fields;
    }

    private static PriceDraft oneTime(String amount) {
        return new PriceDraft("p", "Price", PriceDraft.PriceType.ONE_TIME, new BigDecimal(amount), "EUR", "STANDARD",
                null, null, null, null, null, null, null, List.of(), null, List.of(), null, FROM);
    }

    private static PriceDraft inCurrency(PriceDraft p, String currency) {
        return new PriceDraft(p.externalId(), p.name(), p.type(), p.amount(), currency, p.taxCategory(), p.period(),
                p.proration(), p.unit(), p.roundingFirst(), p.roundingNext(), p.minimumQuantity(), p.tierMode(),
                p.tiers(), p.accumulation(), p.usageTypes(), p.minimumCharge(), p.validFrom());
    }

    private static PriceDraft withMinimumCharge(PriceDraft p, String minimumCharge) {
        return new PriceDraft(p.externalId(), p.name(), p.type(), p.amount(), p.currency(), p.taxCategory(),
                p.period(), p.proration(), p.unit(), p.roundingFirst(), p.roundingNext(), p.minimumQuantity(),
                p.tierMode(), p.tiers(), p.accumulation(), p.usageTypes(), new BigDecimal(minimumCharge),
                p.validFrom());
    }

    private static PriceDraft flatUsage(String amount, String currency) {
        return new PriceDraft("p", "Price", PriceDraft.PriceType.USAGE, new BigDecimal(amount), currency, "STANDARD",
                null, null, UnitOfMeasure.MB, null, null, null, null, List.of(), null, List.of("DATA"), null, FROM);
    }

    private static PriceDraft recurring(String amount, PriceDraft.RecurringPeriod period) {
        return new PriceDraft("p", "Price", PriceDraft.PriceType.RECURRING, new BigDecimal(amount), "EUR",
                "STANDARD", period, null, null, null, null, null, null, List.of(), null, List.of(), null, FROM);
    }

    private static PriceDraft usage(UnitOfMeasure unit, Integer first, Integer next, List<PriceDraft.Tier> tiers) {
        return new PriceDraft("p", "Price", PriceDraft.PriceType.USAGE, null, "EUR", "STANDARD", null, null, unit,
                first, next, null, PriceDraft.TierMode.VOLUME, tiers, null, List.of("VOICE"), null, FROM);
    }

    private static List<PriceDraft.Tier> graduated() {
        return List.of(tier("0", "100", "0.05"), tier("100", null, "0.02"));
    }

    private static PriceDraft.Tier tier(String from, String to, String rate) {
        return new PriceDraft.Tier(new BigDecimal(from), to == null ? null : new BigDecimal(to), new BigDecimal(rate));
    }
}
