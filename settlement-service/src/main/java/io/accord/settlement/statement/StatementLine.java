package io.accord.settlement.statement;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of a statement: its 6-decimal amount (in the statement currency, converted at {@code fxRate} when the
 * usage was in another currency) and that amount rounded once to the currency's minor unit. Positive amounts are
 * payable to the partner, negative ones owed by it.
 *
 * @param type         a {@link LineKind} name
 * @param fxRate       the period-end rate used (1 source = rate statement currency), {@code null} when none was needed
 * @param sourceAmount the amount before conversion, {@code null} when none was needed
 * @param direction    {@code PAYABLE_TO_PARTNER} or {@code OWED_BY_PARTNER}; an adjustment's {@code CREDIT_PARTNER} or
 *                     {@code DEBIT_PARTNER}; {@code null} on lines drafted before lines said it
 * @param reference    what the line traces to: the dispute of an adjustment, the price of a recurring or one-time
 *                     charge, the share rule of a tier bonus, what a prior-period usage line adjusts (closed periods,
 *                     their statements and lines: {@link PriorPeriodReferences}); {@code null} for the period's own
 *                     usage lines
 * @param usage        a usage line's unit, record count and unit price ({@link Usage}); {@code null} for other lines
 * @param fxRateId     the id of the rate {@code fxRate} is (an FX rate version), {@code null} when none was needed or
 *                     it is not known (a line drafted before V85 whose rate could not be told)
 */
record StatementLine(String type, String label, String offeringId, String usageType, BigDecimal quantity,
                     Money unrounded, Money rounded, BigDecimal fxRate, Money sourceAmount, String direction,
                     String reference, Usage usage, UUID fxRateId) {

    /** A line whose rate is not named (yet: {@link #withFxRateId}). */
    StatementLine(String type, String label, String offeringId, String usageType, BigDecimal quantity,
                  Money unrounded, Money rounded, BigDecimal fxRate, Money sourceAmount, String direction,
                  String reference, Usage usage) {
        this(type, label, offeringId, usageType, quantity, unrounded, rounded, fxRate, sourceAmount, direction,
                reference, usage, null);
    }

    /** A line that is no sum of rated records (or one drafted before its usage figures were kept). */
    StatementLine(String type, String label, String offeringId, String usageType, BigDecimal quantity,
                  Money unrounded, Money rounded, BigDecimal fxRate, Money sourceAmount, String direction,
                  String reference) {
        this(type, label, offeringId, usageType, quantity, unrounded, rounded, fxRate, sourceAmount, direction,
                reference, null);
    }

    /** The line naming the rate it was converted at. */
    StatementLine withFxRateId(UUID id) {
        return new StatementLine(type, label, offeringId, usageType, quantity, unrounded, rounded, fxRate,
                sourceAmount, direction, reference, usage, id);
    }

    /**
     * What a usage line counts, from the usage sum it was built from: {@code quantity} is in {@code unit}.
     *
     * @param unit        the rated records' billed unit (a {@code UnitOfMeasure} code: MB, MIN...), {@code null} when
     *                    not known (summed before V73, records that named none, or a line drafted before V78 whose sum
     *                    is no longer found)
     * @param recordCount the rated records behind the line, net (a reversal counts −1); {@code null} when not known
     * @param unitPrice   the one price per {@code unit} every record was charged at, in the usage currency (the source
     *                    currency of a converted line): a wholesale line's amount is {@code quantity × unitPrice},
     *                    a revenue share's the partner's share of it; {@code null} when the records had no one price
     *                    (tiers, a minimum charge, price versions of different rates, volume re-rating) or it is not
     *                    known (lines drafted before V78)
     * @param shareRate   the one revenue share (percent) every record in force was computed with; {@code null} when
     *                    they had none in common (a wholesale line: none at all) or it is not known (before V80)
     */
    record Usage(String unit, Long recordCount, BigDecimal unitPrice, BigDecimal shareRate) {

        Usage(String unit, Long recordCount, BigDecimal unitPrice) {
            this(unit, recordCount, unitPrice, null);
        }
    }
}
