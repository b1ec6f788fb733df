package io.accord.onboarding.agreement;

import io.accord.onboarding.agreement.AgreementTerms.TaxTreatment;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A template's terms applied to one partner: the tax treatment per country, and no currency relabelling. */
class TemplateFitTests {

    private static final AgreementTerms TEMPLATE = TermsRules.validated(AgreementFixtures.terms(), "terms");
    private static final TaxHome GERMANY = new TaxHome("DE");

    @Test
    void aPartnerInOurTaxHomeKeepsTheTemplatesDomesticTreatment() {
        TemplateFit fit = fit("DE", null, "EUR");

        assertThat(fit.fits()).isTrue();
        assertThat(fit.terms()).isEqualTo(TEMPLATE);
        assertThat(fit.basis()).contains("our tax home", "19 %");
    }

    @Test
    void aPartnerInAnotherMemberStateWithAVatIdIsReverseCharged() {
        TemplateFit fit = fit("FR", "FR44732829320", "EUR");

        assertThat(fit.fits()).isTrue();
        assertThat(fit.terms().taxTreatment()).isEqualTo(TaxHome.REVERSE_CHARGE);
        assertThat(fit.terms().taxTreatment().ratePercent()).isEqualByComparingTo("0");
        assertThat(fit.basis()).contains("Articles 44 and 196");
        assertThat(fit.terms().withTaxTreatment(TEMPLATE.taxTreatment())).isEqualTo(TEMPLATE);
    }

    @Test
    void aPartnerInAnotherMemberStateWithoutAVatIdIsLeftToStaff() {
        TemplateFit fit = fit("FR", " ", "EUR");

        assertThat(fit.fits()).isFalse();
        assertThat(fit.openPoints()).singleElement().asString().contains("FR", "without a VAT id");
        assertThat(fit.openPointsText()).startsWith("Open points from the template: tax treatment");
    }

    @Test
    void partnersOutsideTheEuAreNotChargedEuVat() {
        for (String country : new String[] {"CH", "GB", "US"}) {
            TemplateFit fit = fit(country, null, "EUR");

            assertThat(fit.fits()).as(country).isTrue();
            assertThat(fit.terms().taxTreatment()).as(country)
                    .isEqualTo(new TaxTreatment(new BigDecimal("0.0000"), false));
            assertThat(fit.basis()).as(country).contains("outside the EU", "Article 44");
        }
    }

    @Test
    void anotherCurrencyKeepsTheTemplatesFiguresInTheirOwnCurrency() {
        TemplateFit fit = fit("DE", null, "CHF");

        assertThat(fit.fits()).isFalse();
        assertThat(fit.terms().currency()).isEqualTo("EUR");
        assertThat(fit.terms().minimumMonthlyGuarantee()).isEqualTo(TEMPLATE.minimumMonthlyGuarantee());
        assertThat(fit.terms().wholesaleRates()).isEqualTo(TEMPLATE.wholesaleRates());
        assertThat(fit.openPoints()).singleElement().asString()
                .contains("settles in CHF", "is in EUR", "minimum monthly guarantee 100 EUR", "0.8 EUR/GB");
    }

    @Test
    void theTaxHomeMustBeAnEuMemberState() {
        assertThat(new AgreementProperties(null, 200, null).taxHome().country()).isEqualTo("DE");
        assertThat(new AgreementProperties(null, 200, "fr").taxHome().country()).isEqualTo("FR");
        assertThatThrownBy(() -> new AgreementProperties(null, 200, "CH"))
                .hasMessageContaining("accord.onboarding.agreement.tax-home-country");
    }

    private static TemplateFit fit(String country, String taxId, String currency) {
        return TemplateFit.of(TEMPLATE, "the SELL_THROUGH template", GERMANY, country, taxId, currency);
    }
}
