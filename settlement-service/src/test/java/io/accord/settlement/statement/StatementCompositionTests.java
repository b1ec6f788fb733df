package io.accord.settlement.statement;

import io.accord.contracts.value.Money;
import io.accord.settlement.document.DocumentContent;
import io.accord.settlement.period.PeriodState;
import io.accord.settlement.period.SettlementPeriods;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A statement's lines composed: every line rounded once, the minimum guarantee measured against the rounded lines of
 * its side, dispute adjustments outside it, tax on the rounded net (a netted statement's per supply).
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

    @Test
    void aNettedStatementIsTaxedPerSupplyEachSideRoundedOnce() {
        // the finance controller's ACD-2026-000016: revenue share 138.28 (the partner's supply, self-billed), wholesale
        // 142.31 (ours): one tax of 19 % on the net −4.03 left neither VAT stated
        StatementLines.Lines lines = StatementLines.compose(List.of(draft(LineKind.USAGE_REVENUE_SHARE, "100.004"),
                        draft(LineKind.RECURRING_SHARE, "38.28"), draft(LineKind.WHOLESALE, "-142.31")), List.of(),
                null, "EUR", Map.of(), "19", false);

        List<SideTaxes.SideTax> taxes = SideTaxes.of(lines.lines(), lines.net(), "19", false);
        assertThat(taxes).extracting(SideTaxes.SideTax::side)
                .containsExactly(LineKind.Side.REVENUE_SHARE, LineKind.Side.WHOLESALE);
        assertThat(taxes).extracting(SideTaxes.SideTax::base)
                .containsExactly(Money.of("138.28", "EUR"), Money.of("-142.31", "EUR"));
        // 26.2732 → 26.27 (VAT the partner charges us), −27.0389 → −27.04 (VAT we charge it)
        assertThat(taxes).extracting(tax -> tax.tax().amount())
                .containsExactly(Money.of("26.27", "EUR"), Money.of("-27.04", "EUR"));
        assertThat(taxes).extracting(SideTaxes.SideTax::label)
                .containsExactly("VAT on your supply to us (self-billed)", "VAT on our supply to you");
        assertThat(lines.net()).isEqualTo(Money.of("-4.03", "EUR"));
        assertThat(lines.tax()).isEqualTo(Money.of("-0.77", "EUR"));
        assertThat(lines.total()).isEqualTo(lines.net().plus(lines.tax()));
    }

    @Test
    void aNettedStatementsTaxIsTheSumOfItsSidesTaxesNotTheTaxOfItsNet() {
        // a credit to the partner on a netted statement goes with its supply, as a payable line would
        StatementLines.Lines lines = StatementLines.compose(List.of(draft(LineKind.USAGE_REVENUE_SHARE, "100.00"),
                        draft(LineKind.WHOLESALE, "-50.02")), List.of(adjustment("0.03")), null, "EUR", Map.of(), "19",
                false);

        List<SideTaxes.SideTax> taxes = SideTaxes.of(lines.lines(), lines.net(), "19", false);
        // 100.03 × 19 % = 19.0057 → 19.01; −50.02 × 19 % = −9.5038 → −9.50; on the net 50.01 it would be 9.50
        assertThat(taxes).extracting(SideTaxes.SideTax::base)
                .containsExactly(Money.of("100.03", "EUR"), Money.of("-50.02", "EUR"));
        assertThat(lines.net()).isEqualTo(Money.of("50.01", "EUR"));
        assertThat(lines.tax()).isEqualTo(Money.of("9.51", "EUR"));
        assertThat(lines.total()).isEqualTo(Money.of("59.52", "EUR"));
    }

    @Test
    void aNettedStatementUnderReverseChargeHasTwoTaxLinesOfZeroWithTheLegalNote() {
        StatementLines.Lines lines = StatementLines.compose(List.of(draft(LineKind.USAGE_REVENUE_SHARE, "10.00"),
                draft(LineKind.WHOLESALE, "-4.00")), List.of(), null, "EUR", Map.of(), "19", true);

        List<SideTaxes.SideTax> taxes = SideTaxes.of(lines.lines(), lines.net(), "19", true);
        assertThat(taxes).extracting(tax -> tax.tax().amount().amount().signum()).containsExactly(0, 0);
        assertThat(taxes).allSatisfy(tax -> assertThat(tax.tax().legalNote()).startsWith("Reverse charge"));
        assertThat(lines.tax().amount().signum()).isZero();
        assertThat(lines.taxNote()).startsWith("Reverse charge");
    }

    @Test
    void aNettedStatementsDocumentCarriesBothTaxLinesAndAOneSidedOnesNone() {
        StatementLines.Lines netted = StatementLines.compose(List.of(draft(LineKind.USAGE_REVENUE_SHARE, "138.28"),
                draft(LineKind.WHOLESALE, "-142.31")), List.of(), null, "EUR", Map.of(), "19", false);
        Statement statement = Statement.draft(UUID.randomUUID(), UUID.randomUUID(), netted, "finance", "RESELL");

        DocumentContent content = document(statement);

        assertThat(content.documentType()).isEqualTo("SETTLEMENT_STATEMENT");
        assertThat(content.taxLines()).extracting(DocumentContent.TaxLine::label, DocumentContent.TaxLine::ratePercent,
                        DocumentContent.TaxLine::taxableAmount, DocumentContent.TaxLine::taxAmount)
                .containsExactly(tuple("VAT on your supply to us (self-billed)", "19", new BigDecimal("138.28"),
                                new BigDecimal("26.27")),
                        tuple("VAT on our supply to you", "19", new BigDecimal("-142.31"), new BigDecimal("-27.04")));
        assertThat(content.taxAmount()).isEqualByComparingTo("-0.77");
        assertThat(content.totalAmount()).isEqualByComparingTo("-4.80");

        Statement wholesale = Statement.draft(UUID.randomUUID(), UUID.randomUUID(), StatementLines.compose(
                List.of(draft(LineKind.WHOLESALE, "-142.31")), List.of(), null, "EUR", Map.of(), "19", false),
                "finance", "RESELL");
        assertThat(document(wholesale).taxLines()).isEmpty();
        assertThat(document(wholesale).taxAmount()).isEqualByComparingTo("-27.04");
    }

    @Test
    void aStatementOfOneSupplyKeepsItsOneTaxLineOnTheNet() {
        StatementLines.Lines lines = StatementLines.compose(List.of(draft(LineKind.USAGE_REVENUE_SHARE, "100.03"),
                draft(LineKind.RECURRING_SHARE, "-50.02")), List.of(adjustment("0.01")), null, "EUR", Map.of(),
                "19", false);

        List<SideTaxes.SideTax> taxes = SideTaxes.of(lines.lines(), lines.net(), "19", false);
        assertThat(taxes).singleElement().satisfies(tax -> {
            assertThat(tax.side()).isEqualTo(LineKind.Side.NONE);
            assertThat(tax.base()).isEqualTo(Money.of("50.02", "EUR"));
            assertThat(tax.label()).isNull();
        });
        assertThat(lines.tax()).isEqualTo(Money.of("9.50", "EUR"));
    }

    private static DocumentContent document(Statement statement) {
        SettlementPeriods.Period period = new SettlementPeriods.Period(statement.periodId(), statement.partnerId(),
                "agr-1", "MONTHLY", Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"),
                PeriodState.CLOSED, null, null, null, null);
        return StatementDocument.content(statement, statement.documentType(), "accord-de", period,
                LocalDate.parse("2026-12-31"), "19", List.of(), Map.of());
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
