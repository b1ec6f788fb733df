package io.accord.settlement.statement;

import io.accord.contracts.value.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a statement's document is follows the supplies its lines document, never the sign of its total. */
class DocumentTypesTests {

    @Test
    void wholesaleLinesMakeAWholesaleInvoiceWhateverTheSignAndRevenueShareLinesASelfBilledStatement() {
        // a reseller credited more than it owes: the total is positive, the document is still our invoice
        assertThat(DocumentTypes.of("RESELL", List.of(line("WHOLESALE", "-5.00", "OWED_BY_PARTNER"),
                line("DISPUTE_ADJUSTMENT", "20.00", "CREDIT_PARTNER")))).isEqualTo("WHOLESALE_INVOICE");
        // a late reversal of owed usage is still wholesale, by its direction, though its amount is positive
        assertThat(DocumentTypes.of("RESELL", List.of(line("PRIOR_PERIOD_ADJUSTMENT", "3.00", "OWED_BY_PARTNER"))))
                .isEqualTo("WHOLESALE_INVOICE");
        // a sell-through partner debited more than its share: negative, still self-billed
        assertThat(DocumentTypes.of("SELL_THROUGH", List.of(line("USAGE_REVENUE_SHARE", "2.00", "PAYABLE_TO_PARTNER"),
                line("DISPUTE_ADJUSTMENT", "-10.00", "DEBIT_PARTNER")))).isEqualTo("REVENUE_SHARE_STATEMENT");
        assertThat(DocumentTypes.of("SELL_THROUGH", List.of(line("RECURRING_SHARE", "-5.50", "OWED_BY_PARTNER"))))
                .isEqualTo("REVENUE_SHARE_STATEMENT");
    }

    @Test
    void bothSuppliesMakeASettlementStatementAndNeitherFallsBackToTheAgreementsBusinessModel() {
        assertThat(DocumentTypes.of("RESELL", List.of(line("WHOLESALE", "-5.00", "OWED_BY_PARTNER"),
                line("USAGE_REVENUE_SHARE", "7.00", "PAYABLE_TO_PARTNER")))).isEqualTo("SETTLEMENT_STATEMENT");
        assertThat(DocumentTypes.of("RESELL", List.of())).isEqualTo("WHOLESALE_INVOICE");
        assertThat(DocumentTypes.of("RESELL", List.of(line("DISPUTE_ADJUSTMENT", "4.00", "CREDIT_PARTNER"))))
                .isEqualTo("WHOLESALE_INVOICE");
        assertThat(DocumentTypes.of("SELL_THROUGH", List.of(line("DISPUTE_ADJUSTMENT", "-4.00", "DEBIT_PARTNER"))))
                .isEqualTo("REVENUE_SHARE_STATEMENT");
        assertThat(DocumentTypes.of("CO_CREATE", List.of())).isEqualTo("REVENUE_SHARE_STATEMENT");
    }

    private static StatementLine line(String type, String amount, String direction) {
        Money money = Money.of(amount, "EUR");
        return new StatementLine(type, type, null, null, null, money, money, null, null, direction, null);
    }
}
