package io.accord.settlement.statement;

import io.accord.contracts.events.StatementIssued;
import io.accord.contracts.value.Money;
import io.accord.settlement.document.DocumentContent;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.usage.UsageSums;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An issued statement as its document prints it and as {@code StatementIssued} lists its lines: line {@code n} of
 * statement {@code S} is {@code S-n}, the reference disputes name.
 */
final class StatementDocument {

    private StatementDocument() {
    }

    /** The line reference disputes and TMF use: the statement id, a hyphen, the line number (1, 2, ...). */
    static String lineId(Object statementId, int lineNumber) {
        return statementId + "-" + lineNumber;
    }

    static DocumentContent content(Statement statement, String documentType, String issuingEntityId,
                                   SettlementPeriods.Period period, LocalDate dueDate, String taxRatePercent,
                                   List<UsageSums.OnBehalfLine> billedOnBehalf, Map<String, String> offeringNames) {
        List<DocumentContent.Line> lines = new ArrayList<>();
        int number = 0;
        for (StatementLine line : statement.lines()) {
            lines.add(new DocumentContent.Line(++number, line.type(), line.label(), line.offeringId(),
                    line.usageType(), line.quantity(), minor(line.rounded()), line.fxRate(),
                    line.sourceAmount() == null ? null : line.sourceAmount().amount(),
                    line.sourceAmount() == null ? null : line.sourceAmount().currency(),
                    line.usage() == null ? null : line.usage().unit(),
                    line.usage() == null ? null : line.usage().recordCount(),
                    line.usage() == null ? null : line.usage().unitPrice(),
                    line.usage() == null ? null : line.usage().shareRate(),
                    LineKind.PRIOR_PERIOD_ADJUSTMENT.name().equals(line.type()) ? line.reference() : null));
        }
        StatementLines.Lines totals = statement.totals();
        List<DocumentContent.BillingOnBehalf> onBehalf = billedOnBehalf.stream()
                .map(line -> new DocumentContent.BillingOnBehalf(line.taxCategory(), line.offeringId(),
                        offeringNames.get(line.offeringId()), line.usageType(), line.quantity(), line.charge(), line.currency(), line.recordCount()))
                .toList();
        Instant issuedAt = statement.issuedAt();
        String rate = totals.taxNote() != null ? "0" : taxRatePercent;
        return new DocumentContent(statement.id(), statement.partnerId(), documentType, statement.documentNumber(),
                issuingEntityId, issuedAt, period.startAt(), period.endAt(), dueDate, statement.direction(),
                totals.total().currency(), lines, minor(totals.net()), rate, minor(totals.tax()), totals.taxNote(),
                minor(totals.total()), null, null, onBehalf, sideTaxLines(statement, documentType, taxRatePercent),
                statement.agreements() == null ? List.of() : statement.agreements().stream()
                        .map(agreement -> new DocumentContent.AgreementVersion(agreement.agreementId(),
                                agreement.version())).toList());
    }

    /**
     * A netted statement's tax per supply ({@link SideTaxes#ofStored}), recomputed from its stored lines under the
     * treatments its stored note tells: none (one tax line on the net) for any other statement, and for one drafted
     * before the tax was split, whose stored tax the split would not reproduce (the document prints what the
     * statement says).
     */
    private static List<DocumentContent.TaxLine> sideTaxLines(Statement statement, String documentType,
                                                              String taxRatePercent) {
        if (!DocumentTypes.SETTLEMENT_STATEMENT.equals(documentType)) {
            return List.of();
        }
        List<SideTaxes.SideTax> taxes = SideTaxes.ofStored(statement.lines(), statement.totals(), documentType,
                taxRatePercent);
        if (taxes.size() < 2) {
            return List.of();
        }
        return taxes.stream().map(tax -> new DocumentContent.TaxLine(tax.label(),
                tax.tax().ratePercent().stripTrailingZeros().toPlainString(), minor(tax.base()),
                minor(tax.tax().amount()), tax.tax().legalNote())).toList();
    }

    static List<StatementIssued.Line> eventLines(Statement statement) {
        List<StatementIssued.Line> lines = new ArrayList<>();
        int number = 0;
        for (StatementLine line : statement.lines()) {
            number++;
            lines.add(new StatementIssued.Line(lineId(statement.id(), number), number, line.type(), line.label(),
                    line.offeringId(), line.usageType(), minor(line.rounded()).toPlainString(),
                    line.rounded().currency()));
        }
        return List.copyOf(lines);
    }

    private static java.math.BigDecimal minor(Money money) {
        Money rounded = SettlementMath.toMinorUnit(money);
        int digits = Math.max(0, java.util.Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return rounded.amount().setScale(digits, java.math.RoundingMode.UNNECESSARY);
    }
}
