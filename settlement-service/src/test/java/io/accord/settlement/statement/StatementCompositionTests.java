package io.accord.settlement.statement;

import io.accord.contracts.value.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement's lines composed: every line rounded once, the minimum guarantee measured against the rounded lines of
 * its side, dispute adjustments outside it, tax on the rounded net.
 */
class StatementCompositionTests {

    @Test
    void aTopUpFillsThePeriodsRoundedPayableLinesUpToTheGuarantee() {
        StatementLines.Lines lines = StatementLines.compose(List.of(
                draft(LineKind.USAGE_REVENUE_SHARE, "600.104"), draft(LineKind.RECURRING_SHARE, "99.90"),
                draft(LineKind.PRIOR_PERIOD_ADJUSTMENT, "50.00"), draft(LineKind.WHOLESALE, "-20.00")),
                List.of(adjustment("12.50")), new StatementLines.Guarantee(Money.of("1000", "EUR"), false, "1000 monthly"),
                "EUR", Map.of(), "19", false);

        // 1,000.00 − (600.10 + 99.90): a prior period's usage, wholesale and adjustments do not count
        assertThat(lines.lines()).extracting(StatementLine::type).containsExactly("USAGE_REVENUE_SHARE",
                "RECURRING_SHARE", "PRIOR_PERIOD_ADJUSTMENT", "WHOLESALE", "MINIMUM_GUARANTEE_TOP_UP",
                "DISPUTE_ADJUSTMENT");
        StatementLine topUp = lines.lines().get(4);
        assertThat(topUp.rounded()).isEqualTo(Money.of("300.00", "EUR"));
        assertThat(topUp.direction()).isEqualTo("PAYABLE_TO_PARTNER");
        assertThat(topUp.label()).contains("Minimum guarantee top-up", "1000 EUR", "700 EUR payable");
        assertThat(lines.net()).isEqualTo(Money.of("1042.50", "EUR"));
        assertThat(lines.roundingDifference()).isEqualTo(Money.of("-0.004", "EUR"));
        assertThat(lines.tax()).isEqualTo(Money.of("198.08", "EUR"));
        assertThat(lines.total()).isEqualTo(Money.of("1240.58", "EUR"));
    }

    @Test
    void aResellersCommitmentIsOwedAgainstItsRoundedWholesaleLines() {
        StatementLines.Lines lines = StatementLines.compose(List.of(
                draft(LineKind.WHOLESALE, "-1200.00"), draft(LineKind.RECURRING_WHOLESALE, "-150.004"),
                draft(LineKind.ONE_TIME_WHOLESALE, "-99.995"), draft(LineKind.USAGE_REVENUE_SHARE, "500")),
                List.of(), new StatementLines.Guarantee(Money.of("1500", "EUR"), true, "500 monthly × 3"), "EUR",
                Map.of(), "0", false);

        // 1,500.00 − (1,200.00 + 150.00 + 100.00) = 50.00 owed
        StatementLine commitment = lines.lines().getLast();
        assertThat(commitment.type()).isEqualTo("MINIMUM_COMMITMENT");
        assertThat(commitment.rounded()).isEqualTo(Money.of("-50.00", "EUR"));
        assertThat(commitment.direction()).isEqualTo("OWED_BY_PARTNER");
        assertThat(lines.net()).isEqualTo(Money.of("-1000.00", "EUR"));
    }

    @Test
    void noGuaranteeLineWhenTheLinesReachItAndAnAdjustmentInAnotherCurrencyIsConverted() {
        StatementLines.Lines lines = StatementLines.compose(List.of(draft(LineKind.USAGE_REVENUE_SHARE, "1000.01")),
                List.of(new LineDraft(LineKind.DISPUTE_ADJUSTMENT, "Dispute d-1", null, null, null,
                        Money.of("-10", "USD"), "DEBIT_PARTNER", "dispute d-1")),
                new StatementLines.Guarantee(Money.of("1000", "EUR"), false, "1000 monthly"), "EUR",
                Map.of("USD", new BigDecimal("0.9")), "0", false);

        assertThat(lines.lines()).extracting(StatementLine::type)
                .containsExactly("USAGE_REVENUE_SHARE", "DISPUTE_ADJUSTMENT");
        StatementLine adjustment = lines.lines().getLast();
        assertThat(adjustment.rounded()).isEqualTo(Money.of("-9.00", "EUR"));
        assertThat(adjustment.sourceAmount()).isEqualTo(Money.of("-10", "USD"));
        assertThat(adjustment.fxRate()).isEqualByComparingTo("0.9");
        assertThat(adjustment.reference()).isEqualTo("dispute d-1");
    }

    private static LineDraft draft(LineKind kind, String amount) {
        return new LineDraft(kind, kind.name(), "off-1", null, null, Money.of(amount, "EUR"),
                Money.of(amount, "EUR").isNegative() ? "OWED_BY_PARTNER" : "PAYABLE_TO_PARTNER", null);
    }

    private static LineDraft adjustment(String amount) {
        return new LineDraft(LineKind.DISPUTE_ADJUSTMENT, "Dispute d-7", null, null, null, Money.of(amount, "EUR"),
                "CREDIT_PARTNER", "dispute d-7");
    }
}
