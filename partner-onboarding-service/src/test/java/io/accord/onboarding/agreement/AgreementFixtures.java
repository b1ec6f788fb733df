package io.accord.onboarding.agreement;

import io.accord.contracts.value.Money;
import io.accord.onboarding.agreement.AgreementTerms.ReconciliationTolerance;
import io.accord.onboarding.agreement.AgreementTerms.RevenueShareRule;
import io.accord.onboarding.agreement.AgreementTerms.SettlementCycle;
import io.accord.onboarding.agreement.AgreementTerms.TaxTreatment;
import io.accord.onboarding.agreement.AgreementTerms.VolumeTier;
import io.accord.onboarding.agreement.AgreementTerms.WholesaleRate;
import io.accord.onboarding.partner.BusinessModel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Test data: valid terms and drafts, as objects and as the JSON a client sends. */
final class AgreementFixtures {

    private AgreementFixtures() {
    }

    static AgreementTerms terms() {
        return terms(List.of(new VolumeTier(new BigDecimal("10000"), new BigDecimal("75"))));
    }

    static AgreementTerms terms(List<VolumeTier> tiers) {
        return new AgreementTerms("EUR",
                List.of(new RevenueShareRule(null, "DATA", new BigDecimal("70"), tiers)),
                List.of(new WholesaleRate("GB", Money.of("0.8", "EUR"))),
                Money.of("100", "EUR"), SettlementCycle.MONTHLY, 30,
                new TaxTreatment(new BigDecimal("19"), false),
                new ReconciliationTolerance(Money.of("1", "EUR"), new BigDecimal("0.5")), 60, null);
    }

    static AgreementDraft draft(Instant effectiveFrom, Instant validUntil) {
        return AgreementDraft.of("Test agreement", null, BusinessModel.SELL_THROUGH, "Test Partner GmbH", terms(),
                null, effectiveFrom, validUntil);
    }

    /** Terms as JSON, with {@code %s} placeholders filled from {@code replacements} pairs (search, replace). */
    static String termsJson(String... replacements) {
        String json = """
                {"currency": "EUR",
                 "revenueShares": [{"usageType": "DATA", "partnerSharePercent": 70,
                                    "tiers": [{"fromVolume": 10000, "partnerSharePercent": 75},
                                              {"fromVolume": 50000, "partnerSharePercent": 80}]}],
                 "wholesaleRates": [{"unit": "GB", "price": {"amount": 0.8, "currency": "EUR"}}],
                 "minimumMonthlyGuarantee": {"amount": 100, "currency": "EUR"},
                 "settlementCycle": "MONTHLY", "paymentTermsDays": 30,
                 "taxTreatment": {"ratePercent": 19, "reverseCharge": false},
                 "reconciliationTolerance": {"absolute": {"amount": 1, "currency": "EUR"}, "percent": 0.5},
                 "disputeWindowDays": 60}""";
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            if (!json.contains(replacements[i])) {
                throw new IllegalArgumentException("fixture has no " + replacements[i]);
            }
            json = json.replace(replacements[i], replacements[i + 1]);
        }
        return json;
    }
}
