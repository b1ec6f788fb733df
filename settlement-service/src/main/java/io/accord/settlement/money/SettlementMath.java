package io.accord.settlement.money;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The money rules of a statement, as plain functions (no Spring, no database): proration of recurring charges,
 * line rounding, minimum guarantee top-up and minimum commitment, volume-tier bonus and tax. Statements call only
 * this; docs/settlement.md shows each rule with a worked example.
 */
public final class SettlementMath {

    private SettlementMath() {
    }

    /**
     * The part of a recurring charge that falls into a settlement period, at 6 decimals.
     *
     * @param amount     the charge per charge period ({@code MONTH} or {@code YEAR}; a year counts as 12 months
     *                   of amount / 12)
     * @param policy     {@code DAILY} (by the UTC days of each month the product was active in the period) or
     *                   {@code NONE} (each month the product was active in is charged in full, in the period that
     *                   holds its first active day)
     * @param activeFrom the product's start (inclusive)
     * @param activeTo   its end (exclusive), {@code null} while it runs
     */
    public static Money recurringCharge(Money amount, String chargePeriod, String policy, Instant periodStart,
                                        Instant periodEnd, Instant activeFrom, Instant activeTo) {
        return Proration.charge(amount, Proration.ChargePeriod.parse(chargePeriod), Proration.Policy.parse(policy),
                periodStart, periodEnd, activeFrom, activeTo);
    }

    /**
     * Rounds each line once, HALF_EVEN, from its 6-decimal sum to the currency's minor unit; the total is the sum of
     * the rounded lines and the difference to the unrounded sum is reported.
     */
    public static RoundedLines roundLines(List<Money> lines, String currency) {
        return LineRounding.round(lines, currency);
    }

    /** One amount rounded to its currency's minor unit (HALF_EVEN). */
    public static Money toMinorUnit(Money amount) {
        return LineRounding.toMinorUnit(amount);
    }

    /**
     * An amount at its currency's minor unit (HALF_EVEN), as answers, problems and documents show it: {@code 13.80},
     * not {@code 13.8} or {@code 13.800000} (a currency without minor unit, or with a negative count such as XAU, at
     * units). {@link #toMinorUnit(Money)} rounds the same, but its {@code Money} keeps six decimals.
     */
    public static BigDecimal atMinorUnit(BigDecimal amount, String currency) {
        int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.setScale(digits, java.math.RoundingMode.HALF_EVEN);
    }

    /** {@link #atMinorUnit(BigDecimal, String)} of a {@code Money}. */
    public static BigDecimal atMinorUnit(Money money) {
        return atMinorUnit(money.amount(), money.currency());
    }

    /**
     * A minimum guarantee's labelled line: for a partner we pay, the top-up to the guarantee (guarantee − the sum of
     * its rounded payable lines); for a RESELL partner, the minimum commitment it owes (guarantee − the sum of its
     * rounded wholesale lines). Zero when the lines reach it. The monthly guarantee is scaled by {@code months}.
     *
     * @param monthlyGuarantee decimal string, {@code null} or zero for none
     * @param months           the period's months (1 monthly, 3 quarterly, 6 semi-annual, 12 annual)
     * @param roundedLines     the rounded lines it is measured against, all in {@code currency}
     */
    public static Money minimumGuaranteeShortfall(String monthlyGuarantee, int months, List<Money> roundedLines,
                                                  String currency) {
        return MinimumGuarantee.shortfall(monthlyGuarantee, months, roundedLines, currency);
    }

    /**
     * A monthly minimum guarantee scaled to a period, month by calendar month (UTC): a whole month counts the full
     * monthly amount, a month the period covers in part (a first period from the agreement's start, an early close)
     * counts its days / the month's days. A calendar quarter is exactly 3 × the monthly amount.
     *
     * @param monthlyGuarantee decimal string, {@code null} or blank for none (zero)
     */
    public static Money periodGuarantee(String monthlyGuarantee, String currency, Instant periodStart,
                                        Instant periodEnd) {
        if (monthlyGuarantee == null || monthlyGuarantee.isBlank()) {
            return Money.zero(currency);
        }
        return Proration.charge(Money.of(monthlyGuarantee, currency), Proration.ChargePeriod.MONTH,
                Proration.Policy.DAILY, periodStart, periodEnd, periodStart, periodEnd);
    }

    /** The months a settlement cycle's period spans: MONTHLY 1, QUARTERLY 3, SEMI_ANNUAL 6, ANNUAL 12. */
    public static int monthsOf(String settlementCycle) {
        return MinimumGuarantee.monthsOf(settlementCycle);
    }

    /**
     * The graduated volume-tier bonus of a share rule: the units above each tier's threshold (up to the next tier's)
     * earn the tier's % minus the base %, valued at the period's average gross revenue per unit.
     *
     * @param basePercent  the rule's base share %
     * @param tiers        the rule's tiers, any order
     * @param quantity     the period's total quantity for the rule
     * @param grossRevenue the period's total gross revenue for the rule
     */
    public static TierBonus volumeTierBonus(String basePercent, List<Tier> tiers, BigDecimal quantity,
                                            Money grossRevenue) {
        return VolumeTierBonus.of(new BigDecimal(basePercent), tiers, quantity, grossRevenue);
    }

    /** The Article 196 note a reverse-charged tax line carries. */
    public static final String REVERSE_CHARGE_NOTE = TaxRule.REVERSE_CHARGE_NOTE;
    /** The note a tax line of a supply outside the scope of EU VAT carries (Article 44). */
    public static final String OUTSIDE_SCOPE_NOTE = TaxRule.OUTSIDE_SCOPE_NOTE;

    /** The tax line of a net amount under a supply's treatment; reverse charge and outside scope are 0 with a note. */
    public static TaxLine tax(Money net, Treatment treatment) {
        return TaxRule.of(net, treatment);
    }

    /**
     * How the partner's supply to us (revenue share) and ours to it (wholesale) are taxed, from the agreement's
     * treatment, the partner's country and the issuing entity's ({@link PlaceOfSupply}): a partner outside the EU VAT
     * territory, billed by an entity inside it under an agreement charging no VAT, gets reverse charge on its supply
     * and ours outside the scope of EU VAT; otherwise both keep the agreement's treatment.
     *
     * @param partnerCountry ISO 3166 alpha-2, {@code null} when not known (the agreement's treatment then)
     */
    public static SupplyTreatments supplyTreatments(String ratePercent, boolean reverseCharge, String partnerCountry,
                                                    String issuerCountry) {
        return PlaceOfSupply.of(ratePercent, reverseCharge, partnerCountry, issuerCountry);
    }

    /** The tax line of a net amount under a treatment; reverse charge is 0 with the legal note. */
    public static TaxLine tax(Money net, String ratePercent, boolean reverseCharge) {
        return TaxRule.of(net, ratePercent, reverseCharge);
    }

    /**
     * A statement's tax line split over its rounded lines (largest remainder): each line's share of
     * {@code line × rate}, at the minor unit, the lines' taxes summing exactly to {@code tax}. Under reverse charge
     * (a tax of 0 at rate 0) every line's tax is 0.
     *
     * @param roundedLines the statement's lines as rounded, in order
     * @param tax          the statement's tax line
     * @param ratePercent  the rate the tax was computed with ({@code "19"}), {@code null} or blank when unknown (the
     *                     shares are then pro rata of the net)
     */
    public static List<Money> lineTaxes(List<Money> roundedLines, Money tax, String ratePercent) {
        return TaxAllocation.allocate(roundedLines, tax,
                ratePercent == null || ratePercent.isBlank() ? null : new BigDecimal(ratePercent));
    }

    /**
     * Rounded lines.
     *
     * @param rounded            each line at the currency's minor unit, in input order
     * @param total              Σ rounded
     * @param unroundedTotal     Σ of the 6-decimal lines
     * @param roundingDifference total − unroundedTotal
     */
    public record RoundedLines(List<Money> rounded, Money total, Money unroundedTotal, Money roundingDifference) {
    }

    /** A volume tier: from {@code fromVolume} units on, {@code partnerSharePercent} applies. */
    public record Tier(BigDecimal fromVolume, BigDecimal partnerSharePercent) {

        public static Tier of(String fromVolume, String partnerSharePercent) {
            return new Tier(new BigDecimal(fromVolume), new BigDecimal(partnerSharePercent));
        }
    }

    /** The bonus (6 decimals) with the units each tier contributed. */
    public record TierBonus(Money amount, List<TierPart> parts) {
    }

    /** Units in one tier's band and what they earned. */
    public record TierPart(Tier tier, BigDecimal units, BigDecimal extraPercent, Money amount) {
    }

    /**
     * How one supply is taxed: at {@code ratePercent}, under reverse charge, or outside the scope of EU VAT.
     */
    public record Treatment(String ratePercent, boolean reverseCharge, boolean outsideScope) {

        public static final Treatment REVERSE_CHARGE = new Treatment("0", true, false);
        public static final Treatment OUTSIDE_SCOPE = new Treatment("0", false, true);

        /** The agreement's treatment: its rate, or reverse charge. */
        public static Treatment of(String ratePercent, boolean reverseCharge) {
            return reverseCharge ? REVERSE_CHARGE : new Treatment(ratePercent, false, false);
        }

        /** No tax, with a legal note instead. */
        public boolean noted() {
            return reverseCharge || outsideScope;
        }
    }

    /** The treatments of the partner's supply to us (revenue share) and ours to the partner (wholesale). */
    public record SupplyTreatments(Treatment revenueShare, Treatment wholesale) {

        /** Both supplies under one treatment. */
        public static SupplyTreatments uniform(String ratePercent, boolean reverseCharge) {
            Treatment treatment = Treatment.of(ratePercent, reverseCharge);
            return new SupplyTreatments(treatment, treatment);
        }
    }

    /**
     * @param ratePercent the rate applied (0 under reverse charge)
     * @param amount      at the currency's minor unit
     * @param legalNote   the note the document prints, {@code null} when none is needed
     */
    public record TaxLine(BigDecimal ratePercent, Money amount, boolean reverseCharge, String legalNote) {
    }
}
