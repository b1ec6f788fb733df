package io.accord.settlement.accrual;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the accruals report answers (docs/settlement.md, "Accruals"). Amounts exact at 6 decimals, never rounded. */
final class AccrualViews {

    private AccrualViews() {
    }

    @Schema(name = "SettlementAccruals", description = "The accruals as of an instant: rated usage summed into periods of partners that started "
            + "before asOf and whose statement was not issued at asOf")
    record Report(Instant asOf, UUID partnerId, String currency,
                  @Schema(description = "per currency, over every accrual row that matches (not only this page)")
                  List<CurrencyTotal> totals,
                  @Schema(description = "this page of rows: per partner × currency × direction")
                  List<Accrual> accruals) {
    }

    @Schema(name = "SettlementAccrualTotal", description = "What is accrued in one currency over every matching partner")
    record CurrencyTotal(String currency, Side payable, Side receivable) {
    }

    @Schema(name = "SettlementAccrualSide", description = "An accrued amount and the net count of rated records it sums (a reversal counts −1)")
    record Side(BigDecimal amount, long recordCount) {
    }

    @Schema(name = "SettlementAccrual", description = "What one partner accrues in one currency and direction")
    record Accrual(UUID partnerId, String currency,
                   @Schema(description = "PAYABLE: revenue share we owe the partner (PAYABLE_TO_PARTNER); "
                           + "RECEIVABLE: wholesale the partner owes us (OWED_BY_PARTNER)",
                           allowableValues = {"PAYABLE", "RECEIVABLE"})
                   String direction,
                   @Schema(description = "Σ the usage sums' partner amounts of the periods below, exact")
                   BigDecimal amount,
                   long recordCount,
                   List<Period> periods) {
    }

    @Schema(name = "SettlementAccrualPeriod", description = "A period the accrual comes from")
    record Period(UUID periodId, Instant periodStart, Instant periodEnd,
                  @Schema(description = "OPEN: still taking usage at asOf (no run had begun closing it); "
                          + "CLOSED_NOT_ISSUED: closing or closed at asOf, its statement not issued at asOf",
                          allowableValues = {"OPEN", "CLOSED_NOT_ISSUED"})
                  String status,
                  @Schema(description = "the period's statement (not discarded), null while it has none")
                  UUID statementId,
                  @Schema(description = "when that statement was issued (after asOf), null while not issued")
                  Instant statementIssuedAt,
                  BigDecimal amount,
                  @Schema(description = "of the amount: late usage of earlier periods placed here (prior-period)")
                  BigDecimal priorPeriodAmount,
                  long recordCount) {
    }
}
