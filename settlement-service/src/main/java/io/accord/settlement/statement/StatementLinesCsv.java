package io.accord.settlement.statement;

import io.accord.contracts.value.Money;
import io.accord.platform.csv.CsvCells;
import io.accord.settlement.money.SettlementMath;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static io.accord.settlement.money.SettlementMath.atMinorUnit;

/**
 * A statement's lines as CSV for accountants (header row, RFC 4180 quoting, one row per line in line order). Texts
 * (labels name partners' offerings; references disputes) are guarded against spreadsheet formulas ({@link CsvCells}:
 * a text starting with {@code = + - @}, a tab or a carriage return is written after a {@code '}); numbers are written
 * as numbers (a negative amount stays a number). Each line's tax is its share of the statement's tax line
 * ({@link SettlementMath#lineTaxes}, as TMF678 allocates it), so the column sums to the statement's tax exactly.
 * Columns added later come last (unit, record count and unit price of usage lines, V78; their share rate; the id of
 * the FX rate a converted line used, V85), so a reader of the older columns by position still reads them.
 * {@code exactAmount} has exactly 6 decimals, {@code amount} and {@code taxAmount} the currency's minor unit.
 */
final class StatementLinesCsv {

    static final String HEADER = "statementId,documentNumber,documentType,periodStart,periodEnd,lineNumber,lineId,"
            + "type,description,offeringId,usageType,quantity,direction,reference,exactAmount,amount,taxRatePercent,"
            + "taxAmount,currency,sourceAmount,sourceCurrency,fxRate,unit,recordCount,unitPrice,shareRate,fxRateId\r\n";

    /** {@code exactAmount} is written with exactly this many decimals, as the statement's JSON has it. */
    static final int EXACT_DECIMALS = 6;

    private StatementLinesCsv() {
    }

    /** The file's name: {@code <document number>-lines.csv}, or {@code <statement id>-lines.csv} before issue. */
    static String fileName(Statements.View statement) {
        return (statement.documentNumber() != null ? statement.documentNumber() : statement.id().toString())
                + "-lines.csv";
    }

    /**
     * @param taxRatePercent the rate the statement's tax was computed at ({@code "0"} under reverse charge),
     *                       {@code null} when not known (the tax is then shared pro rata of the net)
     */
    static String of(Statements.View statement, String taxRatePercent) {
        String currency = statement.currency();
        int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        List<Money> rounded = statement.lines().stream()
                .map(line -> Money.of(atMinorUnit(line.rounded(), currency), currency)).toList();
        List<Money> taxes = SettlementMath.lineTaxes(rounded, Money.of(atMinorUnit(statement.taxAmount(), currency),
                currency), taxRatePercent);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < statement.lines().size(); i++) {
            Statements.Line line = statement.lines().get(i);
            csv.append(String.join(",", statement.id().toString(), CsvCells.text(statement.documentNumber()),
                    CsvCells.text(statement.documentType()), instant(statement.periodStart()),
                    instant(statement.periodEnd()), String.valueOf(line.lineNumber()), CsvCells.text(line.id()),
                    CsvCells.text(line.type()), CsvCells.text(line.label()), CsvCells.text(line.offeringId()),
                    CsvCells.text(line.usageType()), number(line.quantity()), CsvCells.text(line.direction()),
                    CsvCells.text(line.reference()), line.unrounded().setScale(EXACT_DECIMALS, RoundingMode.HALF_EVEN).toPlainString(),
                    fixed(rounded.get(i).amount(), digits), number(percent(taxRatePercent)),
                    fixed(taxes.get(i).amount(), digits), currency, number(line.sourceAmount()),
                    CsvCells.text(line.sourceCurrency()), number(line.fxRate()), CsvCells.text(line.unit()),
                    line.recordCount() == null ? "" : line.recordCount().toString(), number(line.unitPrice()),
                    number(line.shareRate()), line.fxRateId() == null ? "" : line.fxRateId().toString()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static BigDecimal percent(String ratePercent) {
        if (ratePercent == null || ratePercent.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(ratePercent.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String instant(java.time.Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String fixed(BigDecimal value, int digits) {
        return value.setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
