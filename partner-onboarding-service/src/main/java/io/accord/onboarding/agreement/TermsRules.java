package io.accord.onboarding.agreement;

import io.accord.contracts.value.Money;
import io.accord.onboarding.agreement.AgreementTerms.ReconciliationTolerance;
import io.accord.onboarding.agreement.AgreementTerms.RevenueShareRule;
import io.accord.onboarding.agreement.AgreementTerms.TaxTreatment;
import io.accord.onboarding.agreement.AgreementTerms.VolumeTier;
import io.accord.onboarding.agreement.AgreementTerms.WholesaleRate;
import io.accord.platform.problem.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules every set of terms obeys, checked in one place for the API, templates and the onboarding flow. The
 * first broken rule is reported with the JSON path of its field ({@code terms.revenueShares[0].tiers[1].fromVolume}).
 * Percentages keep {@value #PERCENT_SCALE} decimals and volumes {@value #VOLUME_SCALE}; more precise input is
 * refused rather than rounded, so what was agreed is exactly what is stored.
 */
final class TermsRules {

    static final int PERCENT_SCALE = 4;
    static final int VOLUME_SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TermsRules() {
    }

    /** The terms, normalised, or an {@link InvalidInputException} naming the first wrong field below {@code path}. */
    static AgreementTerms validated(AgreementTerms terms, String path) {
        if (terms == null) {
            throw new InvalidInputException(path, path + " is required");
        }
        String currency = currency(terms.currency(), path + ".currency");
        List<RevenueShareRule> shares = revenueShares(terms.revenueShares(), path + ".revenueShares");
        List<WholesaleRate> rates = wholesaleRates(terms.wholesaleRates(), currency, path + ".wholesaleRates");
        if (shares.isEmpty() && rates.isEmpty()) {
            throw new InvalidInputException(path + ".revenueShares",
                    "at least one revenue-share rule or wholesale rate is required");
        }
        TaxTreatment tax = required(terms.taxTreatment(), path + ".taxTreatment");
        ReconciliationTolerance tolerance = required(terms.reconciliationTolerance(),
                path + ".reconciliationTolerance");
        return new AgreementTerms(currency, shares, rates,
                amount(terms.minimumMonthlyGuarantee(), currency, path + ".minimumMonthlyGuarantee"),
                required(terms.settlementCycle(), path + ".settlementCycle"),
                whole(terms.paymentTermsDays(), 0, 365, path + ".paymentTermsDays"),
                new TaxTreatment(percent(tax.ratePercent(), path + ".taxTreatment.ratePercent"),
                        required(tax.reverseCharge(), path + ".taxTreatment.reverseCharge")),
                new ReconciliationTolerance(
                        amount(tolerance.absolute(), currency, path + ".reconciliationTolerance.absolute"),
                        percent(tolerance.percent(), path + ".reconciliationTolerance.percent")),
                whole(terms.disputeWindowDays(), 1, 365, path + ".disputeWindowDays"),
                terms.validityMonths() == null ? null
                        : whole(terms.validityMonths(), 1, 120, path + ".validityMonths"));
    }

    static String currency(String code, String field) {
        required(code, field);
        if (Money.isSettlementCurrency(code)) {
            return code;
        }
        throw new InvalidInputException(field, "'" + code
                + "' is not an ISO 4217 currency partners can be settled in");
    }

    private static List<RevenueShareRule> revenueShares(List<RevenueShareRule> rules, String path) {
        List<RevenueShareRule> checked = new ArrayList<>();
        Set<List<String>> keys = new HashSet<>();
        for (int i = 0; rules != null && i < rules.size(); i++) {
            String at = path + "[" + i + "]";
            RevenueShareRule rule = required(rules.get(i), at);
            String category = label(rule.offeringCategory(), at + ".offeringCategory");
            String usageType = label(rule.usageType(), at + ".usageType");
            if (!keys.add(Arrays.asList(category, usageType))) {
                throw new InvalidInputException(at, "a rule for offeringCategory " + any(category) + " and usageType "
                        + any(usageType) + " is already given; each combination may have one rule");
            }
            checked.add(new RevenueShareRule(category, usageType,
                    percent(rule.partnerSharePercent(), at + ".partnerSharePercent"), tiers(rule.tiers(), at + ".tiers")));
        }
        return List.copyOf(checked);
    }

    private static List<VolumeTier> tiers(List<VolumeTier> tiers, String path) {
        List<VolumeTier> checked = new ArrayList<>();
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; tiers != null && i < tiers.size(); i++) {
            String at = path + "[" + i + "]";
            VolumeTier tier = required(tiers.get(i), at);
            BigDecimal from = scaled(required(tier.fromVolume(), at + ".fromVolume"), VOLUME_SCALE,
                    at + ".fromVolume");
            if (from.compareTo(previous) <= 0) {
                throw new InvalidInputException(at + ".fromVolume", i == 0
                        ? "must be greater than 0 (below the first tier the rule's own percentage applies)"
                        : "must be greater than the previous tier's fromVolume " + previous.toPlainString()
                        + ": tiers are listed in ascending order");
            }
            previous = from;
            checked.add(new VolumeTier(from, percent(tier.partnerSharePercent(), at + ".partnerSharePercent")));
        }
        return List.copyOf(checked);
    }

    private static List<WholesaleRate> wholesaleRates(List<WholesaleRate> rates, String currency, String path) {
        List<WholesaleRate> checked = new ArrayList<>();
        Set<String> units = new HashSet<>();
        for (int i = 0; rates != null && i < rates.size(); i++) {
            String at = path + "[" + i + "]";
            WholesaleRate rate = required(rates.get(i), at);
            String unit = label(required(rate.unit(), at + ".unit"), at + ".unit");
            if (unit == null || !units.add(unit)) {
                throw new InvalidInputException(at + ".unit", unit == null ? "must not be blank"
                        : "unit " + unit + " already has a rate");
            }
            checked.add(new WholesaleRate(unit, amount(rate.price(), currency, at + ".price")));
        }
        return List.copyOf(checked);
    }

    private static Money amount(Money money, String currency, String field) {
        required(money, field);
        if (!currency.equals(money.currency())) {
            throw new InvalidInputException(field + ".currency", "must be the agreement currency " + currency);
        }
        if (money.isNegative()) {
            throw new InvalidInputException(field + ".amount", "must not be negative");
        }
        return money;
    }

    private static BigDecimal percent(BigDecimal value, String field) {
        required(value, field);
        if (value.signum() < 0) {
            throw new InvalidInputException(field, "must not be negative");
        }
        if (value.compareTo(HUNDRED) > 0) {
            throw new InvalidInputException(field, "must not exceed 100 (a percentage of the whole)");
        }
        return scaled(value, PERCENT_SCALE, field);
    }

    private static BigDecimal scaled(BigDecimal value, int scale, String field) {
        if (value.stripTrailingZeros().scale() > scale) {
            throw new InvalidInputException(field, "must have at most " + scale + " decimal places");
        }
        return value.setScale(scale);
    }

    private static int whole(Integer value, int min, int max, String field) {
        required(value, field);
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** A free-text key: trimmed, blank means "any", at most 100 characters. */
    private static String label(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 100) {
            throw new InvalidInputException(field, "must be at most 100 characters");
        }
        return value.strip();
    }

    private static String any(String label) {
        return label == null ? "(any)" : label;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        return value;
    }
}
