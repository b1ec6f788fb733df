package io.accord.onboarding.agreement;

import io.accord.contracts.value.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A template's terms as they apply to one partner (plain Java): the tax treatment derived for the partner's country
 * ({@link TaxHome}), and the template's figures as they are. The figures apply only in the template's own
 * currency: onboarding has no exchange rates, so for a partner settling in another currency they are kept in the
 * template's currency, never relabelled, and an open point asks a partner manager to set them.
 *
 * @param terms      what a version drafted from the template holds
 * @param basis      why the terms fit, in words (when there are no open points)
 * @param openPoints what a partner manager must settle before the terms can be agreed; empty when the template
 *                   applies as it is
 */
record TemplateFit(AgreementTerms terms, String basis, List<String> openPoints) {

    static TemplateFit of(AgreementTerms template, String templateName, TaxHome home, String partnerCountry,
                          String partnerTaxId, String partnerCurrency) {
        List<String> open = new ArrayList<>();
        TaxHome.Derived tax = home.derive(template.taxTreatment(), partnerCountry, partnerTaxId);
        if (tax.openPoint() != null) {
            open.add("tax treatment: " + tax.openPoint() + " (the template's "
                    + template.taxTreatment().ratePercent().stripTrailingZeros().toPlainString()
                    + " % is our domestic rate and stands in until then)");
        }
        String currency = partnerCurrency == null ? null : partnerCurrency.strip().toUpperCase(Locale.ROOT);
        if (currency != null && !currency.equals(template.currency())) {
            open.add("currency: the partner settles in " + currency + ", but " + templateName + " is in "
                    + template.currency() + " (" + amounts(template) + "); onboarding has no exchange rates, so"
                    + " the figures are kept in " + template.currency() + ": set terms in " + currency);
        }
        AgreementTerms terms = tax.treatment() == null ? template : template.withTaxTreatment(tax.treatment());
        return new TemplateFit(terms, open.isEmpty() ? tax.basis() : null, List.copyOf(open));
    }

    boolean fits() {
        return openPoints.isEmpty();
    }

    /** The open points as one sentence, as a version carries them ({@code statusReason}). */
    String openPointsText() {
        return fits() ? null : "Open points from the template: " + String.join("; ", openPoints);
    }

    private static String amounts(AgreementTerms terms) {
        List<String> named = new ArrayList<>();
        if (terms.minimumMonthlyGuarantee() != null && terms.minimumMonthlyGuarantee().amount().signum() > 0) {
            named.add("minimum monthly guarantee " + plain(terms.minimumMonthlyGuarantee()));
        }
        if (terms.wholesaleRates() != null && !terms.wholesaleRates().isEmpty()) {
            named.add("wholesale rates " + String.join(", ", terms.wholesaleRates().stream()
                    .map(rate -> plain(rate.price()) + "/" + rate.unit()).toList()));
        }
        if (terms.reconciliationTolerance() != null && terms.reconciliationTolerance().absolute() != null) {
            named.add("reconciliation tolerance " + plain(terms.reconciliationTolerance().absolute()));
        }
        return String.join(", ", named);
    }

    private static String plain(Money money) {
        return money.amount().stripTrailingZeros().toPlainString() + " " + money.currency();
    }
}
