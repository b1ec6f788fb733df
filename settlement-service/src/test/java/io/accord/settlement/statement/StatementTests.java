package io.accord.settlement.statement;

import io.accord.contracts.value.Money;
import io.accord.platform.problem.ConflictException;
import io.accord.settlement.usage.UsageSums;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statement lines from usage sums (rounded once, totals of rounded lines, FX shown) and the guarded lifecycle. */
class StatementTests {

    private static final UUID PERIOD = UUID.randomUUID();
    private static final UUID PARTNER = UUID.randomUUID();

    @Test
    void roundsEachLineOnceAndTotalsTheRoundedLinesReportingTheDifference() {
        StatementLines.Lines lines = StatementLines.fromUsage(List.of(
                sum("off-a", "VOICE", "PAYABLE_TO_PARTNER", false, "10.005000", "EUR"),
                sum("off-a", "SMS", "PAYABLE_TO_PARTNER", false, "10.015000", "EUR"),
                sum("off-a", "VOICE", "PAYABLE_TO_PARTNER", true, "0.333333", "EUR"),
                sum("off-b", "DATA", "OWED_BY_PARTNER", false, "5.000000", "EUR")), "EUR", Map.of(), "19", false);

        assertThat(lines.lines()).extracting(line -> line.rounded().amount().stripTrailingZeros().toPlainString())
                .containsExactly("10", "10.02", "0.33", "-5");
        assertThat(lines.lines()).extracting(StatementLine::type).containsExactly("USAGE_REVENUE_SHARE",
                "USAGE_REVENUE_SHARE", "PRIOR_PERIOD_ADJUSTMENT", "WHOLESALE");
        assertThat(lines.net()).isEqualTo(Money.of("15.35", "EUR"));
        assertThat(lines.roundingDifference()).isEqualTo(Money.of("-0.003333", "EUR"));
        assertThat(lines.tax()).isEqualTo(Money.of("2.92", "EUR"));
        assertThat(lines.total()).isEqualTo(Money.of("18.27", "EUR"));
    }

    @Test
    void convertsUsageInAnotherCurrencyAtThePeriodEndRateAndShowsTheRate() {
        StatementLines.Lines lines = StatementLines.fromUsage(List.of(
                sum("off-a", "VOICE", "PAYABLE_TO_PARTNER", false, "10.000000", "USD")), "EUR",
                Map.of("USD", new BigDecimal("0.9")), "0", false);

        StatementLine line = lines.lines().getFirst();
        assertThat(line.rounded()).isEqualTo(Money.of("9.00", "EUR"));
        assertThat(line.fxRate()).isEqualByComparingTo("0.9");
        assertThat(line.sourceAmount()).isEqualTo(Money.of("10", "USD"));
        assertThatThrownBy(() -> StatementLines.fromUsage(List.of(
                sum("off-a", "VOICE", "PAYABLE_TO_PARTNER", false, "1", "GBP")), "EUR", Map.of(), "0", false))
                .hasMessageContaining("GBP→EUR");
    }

    @Test
    void thePreparerCannotApproveAndOnlyAnApprovedStatementIsIssuedThenPaid() {
        Statement statement = Statement.draft(PARTNER, PERIOD, StatementLines.fromUsage(List.of(
                sum("off-a", "VOICE", "PAYABLE_TO_PARTNER", false, "100", "EUR")), "EUR", Map.of(), "19", false),
                "finance", "SELL_THROUGH");

        assertThatThrownBy(() -> statement.approve("finance", Instant.now()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("four-eyes");
        assertThatThrownBy(() -> statement.issue("ACD-2026-000001", Instant.now()))
                .isInstanceOf(ConflictException.class);
        statement.approve("finance-b", Instant.now());
        statement.issue("ACD-2026-000001", Instant.now());

        assertThat(statement.state()).isEqualTo(Statement.State.ISSUED);
        assertThat(statement.documentNumber()).isEqualTo("ACD-2026-000001");
        assertThatThrownBy(() -> statement.issue("ACD-2026-000002", Instant.now()))
                .isInstanceOf(ConflictException.class);
        assertThat(statement.recordPayment(Money.of("100", "EUR"))).isEqualTo(Money.of("19", "EUR"));
        assertThat(statement.state()).isEqualTo(Statement.State.ISSUED);
        assertThat(statement.recordPayment(Money.of("19", "EUR")).amount()).isZero();
        assertThat(statement.state()).isEqualTo(Statement.State.PAID);
    }

    @Test
    void aStatementTotallingZeroIsSettledWhenIssuedAndTakesNoPayment() {
        Statement statement = Statement.draft(PARTNER, PERIOD, StatementLines.fromUsage(List.of(
                sum("off-a", "VOICE", "PAYABLE_TO_PARTNER", false, "5.000000", "EUR"),
                sum("off-b", "DATA", "OWED_BY_PARTNER", false, "5.000000", "EUR")), "EUR", Map.of(), "19", false),
                "finance", "SELL_THROUGH");
        statement.approve("finance-b", Instant.now());
        statement.issue("ACD-2026-000003", Instant.now());

        assertThat(statement.totals().total().amount()).isZero();
        assertThat(statement.state()).isEqualTo(Statement.State.PAID);
        assertThatThrownBy(() -> statement.recordPayment(Money.of("0.01", "EUR")))
                .hasMessageContaining("there is no payment to record");
        assertThat(statement.paid().amount()).isZero();
    }

    @Test
    void theBalanceIsTheTotalPlusIssuedNotesLessPaymentsEachSignedByItsDirection() {
        // a wholesale statement: the partner owes us 119.00
        Statement statement = Statement.draft(PARTNER, PERIOD, StatementLines.fromUsage(List.of(
                sum("off-a", "DATA", "OWED_BY_PARTNER", false, "100", "EUR")), "EUR", Map.of(), "19", false),
                "finance", "SELL_THROUGH");
        statement.approve("finance-b", Instant.now());
        statement.issue("ACD-2026-000004", Instant.now());
        assertThat(statement.balance()).isEqualTo(Money.of("-119", "EUR"));

        assertThat(statement.applyNote(Money.of("5", "EUR"))).isEqualTo(Statement.State.ISSUED);   // a credit note
        assertThat(statement.balance()).isEqualTo(Money.of("-114", "EUR"));
        assertThatThrownBy(() -> statement.recordPayment(Money.of("114.01", "EUR")))
                .hasMessageContaining("114.00 EUR left to pay");
        assertThat(statement.recordPayment(Money.of("114", "EUR"), "RECEIVABLE").amount()).isZero();
        assertThat(statement.state()).isEqualTo(Statement.State.PAID);

        assertThat(statement.applyNote(Money.of("2", "EUR"))).isEqualTo(Statement.State.PAID);   // reopens it
        assertThat(statement.state()).isEqualTo(Statement.State.ISSUED);
        assertThat(statement.remainingDirection()).isEqualTo("PAYABLE");
        assertThatThrownBy(() -> statement.recordPayment(Money.of("2", "EUR"), "RECEIVABLE"))
                .hasMessageContaining("we owe the partner 2.00 EUR");
        assertThat(statement.recordPayment(Money.of("2", "EUR")).amount()).isZero();
        assertThat(statement.state()).isEqualTo(Statement.State.PAID);
        assertThat(statement.paid()).as("net in the statement's direction").isEqualTo(Money.of("112", "EUR"));

        assertThat(statement.applyNote(Money.of("-3", "EUR"))).isEqualTo(Statement.State.PAID);   // a debit note
        assertThat(statement.remainingDirection()).isEqualTo("RECEIVABLE");
        assertThat(statement.applyNote(Money.of("3", "EUR"))).as("a credit bringing it back to 0 settles it")
                .isEqualTo(Statement.State.ISSUED);
        assertThat(statement.state()).isEqualTo(Statement.State.PAID);
    }

    private static UsageSums.Sum sum(String offering, String usageType, String direction, boolean prior,
                                     String amount, String currency) {
        return new UsageSums.Sum(PERIOD, PARTNER, offering, usageType, direction, currency, prior, BigDecimal.TEN,
                new BigDecimal(amount), new BigDecimal(amount), 1, 0);
    }
}
