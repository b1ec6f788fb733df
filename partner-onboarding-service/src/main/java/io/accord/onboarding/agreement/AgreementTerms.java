package io.accord.onboarding.agreement;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * The commercial terms of an agreement or a template, stored as one JSON document. A value object: build it
 * from input, then {@link TermsRules#validated} checks and normalises it (scales, empty lists). Every amount is in
 * {@link #currency}.
 *
 * @param revenueShares   the partner's share per offering category and/or usage type (a missing category or
 *                        usage type matches any), with optional volume tiers
 * @param wholesaleRates  what the partner pays us per unit
 * @param validityMonths  how long a version is valid from its start; {@code null} for open-ended
 */
record AgreementTerms(
        String currency,
        List<RevenueShareRule> revenueShares,
        List<WholesaleRate> wholesaleRates,
        Money minimumMonthlyGuarantee,
        SettlementCycle settlementCycle,
        Integer paymentTermsDays,
        TaxTreatment taxTreatment,
        ReconciliationTolerance reconciliationTolerance,
        Integer disputeWindowDays,
        Integer validityMonths) {

    /** The same terms with another tax treatment (the one derived for a partner, see {@link TaxHome}). */
    AgreementTerms withTaxTreatment(TaxTreatment treatment) {
        return new AgreementTerms(currency, revenueShares, wholesaleRates, minimumMonthlyGuarantee, settlementCycle,
                paymentTermsDays, treatment, reconciliationTolerance, disputeWindowDays, validityMonths);
    }

    /**
     * The partner's percentage of the charge for matching usage. From a tier's {@code fromVolume} (the usage
     * quantity in the settlement period) on, that tier's percentage applies instead.
     */
    record RevenueShareRule(String offeringCategory, String usageType, BigDecimal partnerSharePercent,
                            List<VolumeTier> tiers) {
    }

    record VolumeTier(BigDecimal fromVolume, BigDecimal partnerSharePercent) {
    }

    record WholesaleRate(String unit, Money price) {
    }

    record TaxTreatment(BigDecimal ratePercent, Boolean reverseCharge) {
    }

    /** How far a partner's invoice may differ from our statement, absolutely and relatively, and still match. */
    record ReconciliationTolerance(Money absolute, BigDecimal percent) {
    }

    enum SettlementCycle {
        MONTHLY, QUARTERLY, SEMI_ANNUAL, ANNUAL
    }
}
