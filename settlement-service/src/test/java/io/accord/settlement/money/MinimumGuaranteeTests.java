package io.accord.settlement.money;

import io.accord.contracts.value.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The top-up to a minimum guarantee (or a reseller's minimum commitment), scaled by the period's months. */
class MinimumGuaranteeTests {

    @Test
    void topsUpToTheGuaranteeWhenTheLinesFallShort() {
        Money topUp = SettlementMath.minimumGuaranteeShortfall("1000.00", 1,
                List.of(Money.of("600.10", "EUR"), Money.of("99.90", "EUR")), "EUR");

        assertThat(topUp).isEqualTo(Money.of("300.00", "EUR"));
    }

    @Test
    void aQuarterlyPeriodScalesTheMonthlyGuaranteeByThree() {
        Money commitment = SettlementMath.minimumGuaranteeShortfall("500", SettlementMath.monthsOf("QUARTERLY"),
                List.of(Money.of("1200.00", "EUR")), "EUR");

        assertThat(commitment).isEqualTo(Money.of("300.00", "EUR"));
    }

    @Test
    void theGuaranteeOfAPeriodCountsWholeMonthsFullyAndPartMonthsByDay() {
        java.time.Instant q1 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        java.time.Instant q2 = java.time.Instant.parse("2026-04-01T00:00:00Z");

        assertThat(SettlementMath.periodGuarantee("500", "EUR", q1, q2)).isEqualTo(Money.of("1500", "EUR"));
        // a first period from 11 April (agreement start) to the end of April: 20 of 30 days
        assertThat(SettlementMath.periodGuarantee("300", "EUR", java.time.Instant.parse("2026-04-11T00:00:00Z"),
                java.time.Instant.parse("2026-05-01T00:00:00Z"))).isEqualTo(Money.of("200", "EUR"));
        // March closed early on 12 March: the two periods together owe exactly one month
        java.time.Instant early = java.time.Instant.parse("2026-03-12T14:00:00Z");
        Money first = SettlementMath.periodGuarantee("310", "EUR", java.time.Instant.parse("2026-03-01T00:00:00Z"),
                early);
        Money second = SettlementMath.periodGuarantee("310", "EUR", early, java.time.Instant.parse(
                "2026-04-01T00:00:00Z"));
        assertThat(first).isEqualTo(Money.of("110", "EUR"));
        assertThat(first.plus(second)).isEqualTo(Money.of("310", "EUR"));
        assertThat(SettlementMath.periodGuarantee(null, "EUR", q1, q2)).isEqualTo(Money.zero("EUR"));
    }

    @Test
    void nothingWhenTheLinesReachTheGuaranteeOrThereIsNone() {
        assertThat(SettlementMath.minimumGuaranteeShortfall("100", 1, List.of(Money.of("100.01", "EUR")), "EUR"))
                .isEqualTo(Money.zero("EUR"));
        assertThat(SettlementMath.minimumGuaranteeShortfall(null, 1, List.of(), "EUR")).isEqualTo(Money.zero("EUR"));
    }

    @Test
    void knowsEveryCycleOfTheAgreementContract() {
        assertThat(List.of("MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL").stream().map(SettlementMath::monthsOf))
                .containsExactly(1, 3, 6, 12);
        assertThatThrownBy(() -> SettlementMath.monthsOf("WEEKLY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void linesPlusTopUpAlwaysReachTheGuaranteeAndTheTopUpIsNeverNegative(
            @ForAll @IntRange(min = 0, max = 100_000) int guaranteeCents,
            @ForAll @IntRange(min = 0, max = 200_000) int lineCents,
            @ForAll @IntRange(min = 1, max = 12) int months) {
        String guarantee = BigDecimal.valueOf(guaranteeCents, 2).toPlainString();
        Money line = Money.of(BigDecimal.valueOf(lineCents, 2), "EUR");

        Money topUp = SettlementMath.minimumGuaranteeShortfall(guarantee, months, List.of(line), "EUR");

        assertThat(topUp.amount().signum()).isGreaterThanOrEqualTo(0);
        assertThat(line.plus(topUp).amount())
                .isGreaterThanOrEqualTo(BigDecimal.valueOf(guaranteeCents, 2).multiply(BigDecimal.valueOf(months)));
        if (topUp.amount().signum() > 0) {
            assertThat(line.plus(topUp).amount())
                    .isEqualByComparingTo(BigDecimal.valueOf(guaranteeCents, 2).multiply(BigDecimal.valueOf(months)));
        }
    }
}
