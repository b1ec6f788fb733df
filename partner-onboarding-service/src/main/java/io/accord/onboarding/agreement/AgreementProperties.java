package io.accord.onboarding.agreement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Locale;

/**
 * Settings of the agreement feature, under {@code accord.onboarding.agreement}.
 *
 * @param transitionInterval  how often the job looks for versions due to come into force or to expire; a version
 *                            due in between is already answered as in force by {@link Agreements#inForce}
 * @param transitionBatchSize partners handled per job run (each in its own transaction); the next run takes the
 *                            rest
 * @param taxHomeCountry      the CSP's own tax home (ISO 3166, an EU member state): the templates' tax treatment is
 *                            its domestic one, and a partner's is derived from it ({@link TaxHome})
 */
@ConfigurationProperties("accord.onboarding.agreement")
record AgreementProperties(
        @DefaultValue("1m") Duration transitionInterval,
        @DefaultValue("200") int transitionBatchSize,
        @DefaultValue("DE") String taxHomeCountry) {

    AgreementProperties {
        taxHomeCountry = taxHomeCountry == null ? "DE" : taxHomeCountry.strip().toUpperCase(Locale.ROOT);
        if (!TaxHome.EU_VAT_TERRITORY.contains(taxHomeCountry) || "MC".equals(taxHomeCountry)) {
            throw new IllegalArgumentException("accord.onboarding.agreement.tax-home-country: '" + taxHomeCountry
                    + "' is not an EU member state (ISO 3166 code such as DE); partners' tax treatments are derived"
                    + " by the EU VAT rules");
        }
    }

    TaxHome taxHome() {
        return new TaxHome(taxHomeCountry);
    }
}
