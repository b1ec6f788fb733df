package io.accord.settlement.money;

import io.accord.contracts.value.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A statement's tax line split over its rounded lines: the lines' taxes sum exactly to it (largest remainder). */
class TaxAllocationTests {

    @Test
    void theMinorUnitsRoundingLeftOverGoToTheLinesWithTheLargestRemainders() {
        // 10.00, 0.03, 0.03, 0.03 at 19 %: shares 1.90 and 0.0057 × 3; the statement's tax is 10.09 × 19 % = 1.9171
        // → 1.92; rounding each line would give 1.93
        List<Money> lines = eur("10.00", "0.03", "0.03", "0.03");
        Money tax = SettlementMath.tax(sum(lines), "19", false).amount();

        List<Money> taxes = SettlementMath.lineTaxes(lines, tax, "19");

        assertThat(tax).isEqualTo(Money.of("1.92", "EUR"));
        assertThat(taxes).containsExactlyElementsOf(eur("1.90", "0.01", "0.01", "0.00"));
    }

    @Test
    void theLargestRemainderWinsWhateverItsPosition() {
        // 0.03 and 0.07 at 10 %: shares 0.003 and 0.007, tax 0.01 → the 0.007 line takes the cent
        List<Money> lines = eur("0.03", "0.07");

        assertThat(SettlementMath.lineTaxes(lines, Money.of("0.01", "EUR"), "10"))
                .containsExactlyElementsOf(eur("0.00", "0.01"));
    }

    @Test
    void whatThePartnerOwesCarriesNegativeTaxAndMixedLinesCancel() {
        // −0.05 × 3 at 10 %: shares −0.005 each, tax −0.015 → −0.02 (half-even); payable and owed 100.00 cancel
        List<Money> owed = eur("-0.05", "-0.05", "-0.05");
        Money tax = SettlementMath.tax(sum(owed), "10", false).amount();

        assertThat(tax).isEqualTo(Money.of("-0.02", "EUR"));
        assertThat(SettlementMath.lineTaxes(owed, tax, "10")).containsExactlyElementsOf(eur("0.00", "-0.01", "-0.01"));
        assertThat(SettlementMath.lineTaxes(eur("100.00", "-100.00"), Money.zero("EUR"), "19"))
                .containsExactlyElementsOf(eur("19.00", "-19.00"));
    }

    @Test
    void reverseChargeGivesEveryLineZero() {
        List<Money> lines = eur("1234.57", "-12.34", "0.01");
        SettlementMath.TaxLine tax = SettlementMath.tax(sum(lines), "19", true);

        assertThat(SettlementMath.lineTaxes(lines, tax.amount(), tax.ratePercent().toPlainString()))
                .containsOnly(Money.zero("EUR"));
    }

    @Test
    void withoutAKnownRateTheTaxIsSharedProRataOfTheNet() {
        assertThat(SettlementMath.lineTaxes(eur("30.00", "10.00"), Money.of("7.60", "EUR"), null))
                .containsExactlyElementsOf(eur("5.70", "1.90"));
        assertThat(SettlementMath.lineTaxes(eur("1.00", "1.00", "1.00"), Money.of("0.01", "EUR"), " "))
                .containsExactlyElementsOf(eur("0.01", "0.00", "0.00"));
    }

    @Test
    void aCurrencyWithoutMinorUnitsSharesWholeUnits() {
        List<Money> lines = List.of(Money.of("105", "JPY"), Money.of("105", "JPY"));
        Money tax = SettlementMath.tax(sum(lines), "10", false).amount(); // 21

        assertThat(SettlementMath.lineTaxes(lines, tax, "10"))
                .containsExactly(Money.of("11", "JPY"), Money.of("10", "JPY"));
    }

    @Test
    void refusesATaxWithoutLinesOrALineInAnotherCurrency() {
        assertThat(SettlementMath.lineTaxes(List.of(), Money.zero("EUR"), "19")).isEmpty();
        assertThatThrownBy(() -> SettlementMath.lineTaxes(List.of(), Money.of("1.00", "EUR"), "19"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettlementMath.lineTaxes(List.of(Money.of("1.00", "USD")), Money.zero("EUR"), "19"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void theLinesTaxesSumExactlyToTheStatementsTaxAndEachIsItsShareWithinOneMinorUnit(
            @ForAll("lines") List<BigDecimal> amounts, @ForAll("rates") String rate) {
        List<Money> lines = amounts.stream().map(amount -> Money.of(amount, "EUR")).toList();
        Money tax = SettlementMath.tax(sum(lines), rate, false).amount();

        List<Money> taxes = SettlementMath.lineTaxes(lines, tax, rate);

        assertThat(sum(taxes)).isEqualTo(tax);
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal share = lines.get(i).amount().multiply(new BigDecimal(rate)).divide(BigDecimal.valueOf(100));
            assertThat(taxes.get(i).amount().subtract(share).abs()).isLessThan(new BigDecimal("0.01"));
            assertThat(taxes.get(i).amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(2);
        }
        assertThat(SettlementMath.lineTaxes(lines, tax, rate)).as("deterministic").isEqualTo(taxes);
    }

    @Provide
    Arbitrary<List<BigDecimal>> lines() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-100000"), new BigDecimal("100000")).ofScale(2)
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<String> rates() {
        return Arbitraries.of("0", "5.5", "7", "10", "19", "20", "21", "25", "8.1");
    }

    private static List<Money> eur(String... amounts) {
        return java.util.Arrays.stream(amounts).map(amount -> Money.of(amount, "EUR")).toList();
    }

    private static Money sum(List<Money> amounts) {
        return amounts.stream().reduce(Money.zero(amounts.isEmpty() ? "EUR" : amounts.getFirst().currency()),
                Money::plus);
    }
}
