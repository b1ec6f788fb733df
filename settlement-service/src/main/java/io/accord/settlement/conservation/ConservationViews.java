package io.accord.settlement.conservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The conservation check as the API shows it. */
final class ConservationViews {

    static final String EQUATION = "Σ partner amounts of rated records = Σ the same amounts on statements (before "
            + "line rounding) + Σ not yet on a statement, per currency and direction, at 6 decimals";
    static final String RATING_EQUATION = "rating's count equation per source and day: received = rated + "
            + "suspended + duplicates + writtenOff, with what is still pending on usage.raw.v1 (staff only; "
            + "settlement links it and does not call rating)";

    private ConservationViews() {
    }

    /**
     * One period's equation.
     *
     * @param balanced           every difference is zero
     * @param outsideTheEquation the statement's other lines, FX, tax and rounding; {@code null} without a statement
     * @param ratingCountEquation where rating answers its count equation for the period's days
     */
    record PeriodConservation(UUID periodId, UUID partnerId, Instant periodStart, Instant periodEnd,
                              String periodState, String equation, boolean balanced, List<Ledger.Amounts> amounts,
                              Outside outsideTheEquation, List<RatingLink> ratingCountEquation) {
    }

    /**
     * The equation over many periods and partners.
     *
     * @param periods    how many periods start in the range
     * @param statements how many of them have a statement
     * @param unplaced   amounts no period took (not dated): counted as rated and as not yet on a statement
     * @param outsideTheEquation per line type (and TAX, FX_CONVERSION, LINE_ROUNDING) and currency, Σ rounded amounts
     */
    record TotalConservation(LocalDate from, LocalDate to, UUID partnerId, String equation, boolean balanced,
                             int periods, int statements, List<Ledger.Amounts> amounts,
                             List<PartnerAmounts> partners, List<UnplacedAmount> unplaced,
                             List<OutsideTotal> outsideTheEquation, List<RatingLink> ratingCountEquation) {
    }

    record PartnerAmounts(UUID partnerId, boolean balanced, List<Ledger.Amounts> amounts) {
    }

    record UnplacedAmount(UUID partnerId, String currency, String direction, BigDecimal amount, long records) {
    }

    record OutsideTotal(String type, String currency, BigDecimal amount) {
    }

    /**
     * What a statement carries besides the rated usage, each labelled and traceable.
     *
     * @param lines              recurring and one-time charges, tier bonus, minimum guarantee, dispute adjustments
     * @param fxConversions      the rated-usage lines converted into the statement currency, with the rate used
     * @param roundingDifference Σ rounded lines − Σ unrounded lines of the statement
     */
    record Outside(UUID statementId, String statementState, String currency, List<OutsideLine> lines,
                   List<FxConversion> fxConversions, BigDecimal tax, BigDecimal roundingDifference) {
    }

    record OutsideLine(String type, String label, String direction, String reference, BigDecimal unrounded,
                       BigDecimal rounded) {
    }

    /** @param converted the amount in the statement currency (before rounding) */
    record FxConversion(String label, BigDecimal sourceAmount, String sourceCurrency, BigDecimal fxRate,
                        BigDecimal converted) {
    }

    /** @param href rating's reconciliation for the days (through the gateway) */
    record RatingLink(String href, String equation) {
    }
}
