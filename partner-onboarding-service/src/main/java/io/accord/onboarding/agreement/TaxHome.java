package io.accord.onboarding.agreement;

import io.accord.onboarding.agreement.AgreementTerms.TaxTreatment;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * The tax treatment an agreement drafted from a template gets, from where the CSP and the partner are (plain Java).
 * The template's tax treatment is the CSP's domestic one; the partner's treatment follows the EU place-of-supply
 * rule for services between businesses (Article 44, Council Directive 2006/112/EC: the supply is taxed where the
 * customer is established):
 * <ul>
 *     <li>partner in the CSP's country: the template's (domestic) treatment;</li>
 *     <li>partner in another EU member state, with a VAT id: reverse charge, 0 % (Articles 44 and 196: the
 *     customer accounts for the VAT);</li>
 *     <li>partner in another EU member state without a VAT id: unknown (whether it is a taxable person, and so
 *     whether Article 44 applies at all, is for a partner manager to establish);</li>
 *     <li>partner outside the EU: 0 %, no reverse charge: the supply is outside the scope of EU VAT; a reverse
 *     charge in the customer's own country is the customer's business, and the Article 196 note would not be
 *     true of it.</li>
 * </ul>
 */
final class TaxHome {

    /** EU member states (ISO 3166), with Monaco, which is part of France's VAT territory (Article 7). */
    static final Set<String> EU_VAT_TERRITORY = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
            "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "MC");

    static final TaxTreatment REVERSE_CHARGE = new TaxTreatment(BigDecimal.ZERO.setScale(TermsRules.PERCENT_SCALE),
            true);
    static final TaxTreatment OUTSIDE_EU_VAT = new TaxTreatment(BigDecimal.ZERO.setScale(TermsRules.PERCENT_SCALE),
            false);

    private final String country;

    TaxHome(String country) {
        this.country = country;
    }

    String country() {
        return country;
    }

    /**
     * The partner's treatment and why, or an open point for staff when it cannot be derived.
     *
     * @param domestic the template's tax treatment (the CSP's domestic one)
     */
    Derived derive(TaxTreatment domestic, String partnerCountry, String partnerTaxId) {
        String partner = partnerCountry == null ? null : partnerCountry.strip().toUpperCase(Locale.ROOT);
        if (partner == null || partner.isEmpty()) {
            return Derived.open("the partner has no country, so its tax treatment cannot be derived: set"
                    + " terms.taxTreatment");
        }
        if (partner.equals(country)) {
            return Derived.known(domestic, "partner in " + partner + ", our tax home: the template's domestic"
                    + " rate " + domestic.ratePercent().stripTrailingZeros().toPlainString() + " %");
        }
        if (EU_VAT_TERRITORY.contains(partner)) {
            if (partnerTaxId == null || partnerTaxId.isBlank()) {
                return Derived.open("partner in " + partner + ", another EU member state, without a VAT id:"
                        + " reverse charge (Article 196, Council Directive 2006/112/EC) needs the partner's VAT"
                        + " id; set its tax id, or decide terms.taxTreatment");
            }
            return Derived.known(REVERSE_CHARGE, "partner in " + partner + ", another EU member state, with VAT id "
                    + partnerTaxId.strip() + ": reverse charge, 0 % (Articles 44 and 196, Council Directive"
                    + " 2006/112/EC)");
        }
        return Derived.known(OUTSIDE_EU_VAT, "partner in " + partner + ", outside the EU: not subject to EU VAT,"
                + " 0 % (Article 44, Council Directive 2006/112/EC: the place of supply is the customer's)");
    }

    /** A treatment with its basis, or (treatment null) the open point a partner manager must settle. */
    record Derived(TaxTreatment treatment, String basis, String openPoint) {

        static Derived known(TaxTreatment treatment, String basis) {
            return new Derived(treatment, basis, null);
        }

        static Derived open(String openPoint) {
            return new Derived(null, null, openPoint);
        }
    }
}
