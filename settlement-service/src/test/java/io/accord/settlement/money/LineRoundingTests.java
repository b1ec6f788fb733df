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

/** Lines are rounded once, HALF_EVEN, to the minor unit; totals are sums of rounded lines; the difference shows. */
class LineRoundingTests {

    @Test
    void roundsEachLineHalfEvenAndReportsTheDifference() {
        SettlementMath.RoundedLines lines = SettlementMath.roundLines(List.of(Money.of("10.005000", "EUR"),
                Money.of("10.015000", "EUR"), Money.of("0.333333", "EUR")), "EUR");

        assertThat(lines.rounded()).containsExactly(Money.of("10.00", "EUR"), Money.of("10.02", "EUR"),
                Money.of("0.33", "EUR"));
        assertThat(lines.total()).isEqualTo(Money.of("20.35", "EUR"));
        assertThat(lines.unroundedTotal()).isEqualTo(Money.of("20.353333", "EUR"));
        assertThat(lines.roundingDifference()).isEqualTo(Money.of("-0.003333", "EUR"));
    }

    @Test
    void usesTheCurrencysMinorUnit() {
        assertThat(SettlementMath.toMinorUnit(Money.of("1234.5", "JPY"))).isEqualTo(Money.of("1234", "JPY"));
        assertThat(SettlementMath.toMinorUnit(Money.of("1.23450", "BHD"))).isEqualTo(Money.of("1.234", "BHD"));
        assertThat(SettlementMath.toMinorUnit(Money.of("-2.675", "EUR"))).isEqualTo(Money.of("-2.68", "EUR"));
    }

    @Property(tries = 300)
    void theTotalIsTheSumOfRoundedLinesAndTheDifferenceIsBounded(@ForAll("lines") List<BigDecimal> amounts) {
        List<Money> lines = amounts.stream().map(amount -> Money.of(amount, "EUR")).toList();

        SettlementMath.RoundedLines rounded = SettlementMath.roundLines(lines, "EUR");

        Money sum = rounded.rounded().stream().reduce(Money.zero("EUR"), Money::plus);
        assertThat(rounded.total()).isEqualTo(sum);
        assertThat(rounded.unroundedTotal().plus(rounded.roundingDifference())).isEqualTo(rounded.total());
        assertThat(rounded.roundingDifference().amount().abs())
                .isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(lines.size())));
        rounded.rounded().forEach(line -> assertThat(line.amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(2));
    }

    @Provide
    Arbitrary<List<BigDecimal>> lines() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-100000"), new BigDecimal("100000")).ofScale(6)
                .list().ofMaxSize(40);
    }
}
