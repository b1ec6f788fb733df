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
        assertThat(topUp.label()).contains("Minimum guarantee top-up", "1000.00 EUR", "700.00 EUR payable");
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
    void aMonthSplitByAnEarlyCloseIsChargedItsCommitmentOnceInTotal() {
        StatementLines.Guarantee month = new StatementLines.Guarantee(Money.of("500", "EUR"), true, "500 monthly");
        // the first part (closed early minutes after the agreement began): 500.00 − 29.87 owed at once
        StatementLines.Lines first = StatementLines.compose(List.of(draft(LineKind.WHOLESALE, "-29.866")),
                List.of(), month, "EUR", Map.of(), "19", false);
        assertThat(first.lines().getLast().rounded()).isEqualTo(Money.of("-470.13", "EUR"));

        // the rest of the month: 600.00 more wholesale; the month owes max(0, 500 − 629.87) = 0, so 470.13 comes back
        StatementLines.Lines rest = StatementLines.compose(List.of(draft(LineKind.WHOLESALE, "-600")), List.of(),
                new StatementLines.Guarantee(Money.of("500", "EUR"), true, "500 monthly", Money.of("29.87", "EUR"),
                        Money.of("470.13", "EUR")), "EUR", Map.of(), "19", false);
        StatementLine trueUp = rest.lines().getLast();
        assertThat(trueUp.type()).isEqualTo("MINIMUM_COMMITMENT");
        assertThat(trueUp.rounded()).isEqualTo(Money.of("470.13", "EUR"));
        assertThat(trueUp.direction()).isEqualTo("PAYABLE_TO_PARTNER");
        assertThat(trueUp.label()).contains("29.87 EUR of its earlier periods' lines", "470.13 EUR charged")
                .startsWith("Minimum commitment given back (charged before): 500.00 EUR");
        assertThat(first.lines().getLast().label()).startsWith("Minimum commitment: 500.00 EUR")
                .contains("− 29.87 EUR wholesale lines");

        // a smaller rest: 100.00 more → the month owes 500 − 129.87 = 370.13; 100.00 of the 470.13 comes back
        StatementLines.Lines smaller = StatementLines.compose(List.of(draft(LineKind.WHOLESALE, "-100")), List.of(),
                new StatementLines.Guarantee(Money.of("500", "EUR"), true, "500 monthly", Money.of("29.87", "EUR"),
                        Money.of("470.13", "EUR")), "EUR", Map.of(), "19", false);
        assertThat(smaller.lines().getLast().rounded()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(smaller.net()).isEqualTo(Money.zero("EUR"));
    }

    @Test
    void aTopUpAlreadyPaidOnAnEarlierPartIsNotPaidAgain() {
        StatementLines.Lines rest = StatementLines.compose(List.of(draft(LineKind.USAGE_REVENUE_SHARE, "10")),
                List.of(), new StatementLines.Guarantee(Money.of("1000", "EUR"), false, "1000 monthly",
                        Money.of("200", "EUR"), Money.of("800", "EUR")), "EUR", Map.of(), "0", false);

        // the month earns max(0, 1000 − 210) = 790; 800 was paid: 10.00 back
        assertThat(rest.lines()).extracting(StatementLine::type)
                .containsExactly("USAGE_REVENUE_SHARE", "MINIMUM_GUARANTEE_TOP_UP");
        assertThat(rest.lines().getLast().rounded()).isEqualTo(Money.of("-10.00", "EUR"));
        assertThat(rest.lines().getLast().direction()).isEqualTo("OWED_BY_PARTNER");
        assertThat(rest.lines().getLast().label()).startsWith("Minimum guarantee top-up taken back (paid before): "
                + "1000.00 EUR").contains("− 10.00 EUR payable lines", "− 800.00 EUR charged");
        StatementLines.Lines met = StatementLines.compose(List.of(draft(LineKind.USAGE_REVENUE_SHARE, "0.00")),
                List.of(), new StatementLines.Guarantee(Money.of("1000", "EUR"), false, "1000 monthly",
                        Money.of("200", "EUR"), Money.of("800", "EUR")), "EUR", Map.of(), "0", false);
        assertThat(met.lines()).extracting(StatementLine::type).containsExactly("USAGE_REVENUE_SHARE");
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

    @Test
    void productLinesOfClosedPeriodsAreNotMeasuredByTheGuarantee() {
        StatementLines.Lines lines = StatementLines.compose(List.of(draft(LineKind.RECURRING_SHARE, "900.00"),
                        new LineDraft(LineKind.RECURRING_SHARE, ProductChargeLines.ENDED_PREFIX + "Recurring share: …",
                                "off-1", null, null, Money.of("-5.50", "EUR"), "OWED_BY_PARTNER", "monthly"),
                        new LineDraft(LineKind.RECURRING_SHARE, ProductChargeLines.LATE_PREFIX + "Recurring share: …",
                                "off-1", null, null, Money.of("40.00", "EUR"), "PAYABLE_TO_PARTNER", "monthly")),
                List.of(), new StatementLines.Guarantee(Money.of("1000", "EUR"), false, "1000 monthly"), "EUR",
                Map.of(), "19", false);

        // 1,000.00 − 900.00: the reversal of a closed month and a late product's closed month belong to those months
        assertThat(lines.lines()).filteredOn(line -> "MINIMUM_GUARANTEE_TOP_UP".equals(line.type()))
                .extracting(StatementLine::rounded).containsExactly(Money.of("100.00", "EUR"));
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
