package io.accord.settlement.money;

import io.accord.contracts.value.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each supply's treatment from the agreement's and where the partner and the issuing entity are: a partner outside
 * the EU supplies us under reverse charge (Articles 44 and 196) and our supply to it is outside the scope of EU VAT.
 */
class PlaceOfSupplyTests {

    @Test
    void aPartnerOutsideTheEuBilledFromInsideItGetsReverseChargeOnItsSupplyAndOursOutsideTheScope() {
        for (String country : new String[]{"CH", "US", "GB", "NO", " us "}) {
            SettlementMath.SupplyTreatments treatments = SettlementMath.supplyTreatments("0", false, country, "DE");

            assertThat(treatments.revenueShare()).isEqualTo(SettlementMath.Treatment.REVERSE_CHARGE);
            assertThat(treatments.wholesale()).isEqualTo(SettlementMath.Treatment.OUTSIDE_SCOPE);
        }
        // an agreement set to reverse charge by hand: our supply is still outside the scope, not reverse charged
        assertThat(SettlementMath.supplyTreatments("0", true, "CH", "DE").wholesale())
                .isEqualTo(SettlementMath.Treatment.OUTSIDE_SCOPE);
    }

    @Test
    void theNotesSayWhoAccountsForTheVatAndThatOurSupplyIsNotSubjectToEuVat() {
        SettlementMath.TaxLine reverseCharge = SettlementMath.tax(Money.of("100.03", "EUR"),
                SettlementMath.Treatment.REVERSE_CHARGE);
        SettlementMath.TaxLine outside = SettlementMath.tax(Money.of("-50.02", "EUR"),
                SettlementMath.Treatment.OUTSIDE_SCOPE);

        assertThat(reverseCharge.amount()).isEqualTo(Money.zero("EUR"));
        assertThat(reverseCharge.legalNote()).contains("recipient is liable", "Article 196");
        assertThat(outside.amount()).isEqualTo(Money.zero("EUR"));
        assertThat(outside.reverseCharge()).isFalse();
        assertThat(outside.legalNote()).contains("Not subject to VAT in the EU", "Article 44")
                .doesNotContain("Article 196");
    }

    @Test
    void otherwiseBothSuppliesKeepTheAgreementsTreatment() {
        SettlementMath.SupplyTreatments domestic = SettlementMath.supplyTreatments("19", false, "DE", "DE");
        SettlementMath.SupplyTreatments otherMemberState = SettlementMath.supplyTreatments("0", true, "FR", "DE");
        SettlementMath.SupplyTreatments monaco = SettlementMath.supplyTreatments("0", true, "MC", "DE");
        SettlementMath.SupplyTreatments unknownCountry = SettlementMath.supplyTreatments("0", false, null, "DE");
        SettlementMath.SupplyTreatments issuerOutside = SettlementMath.supplyTreatments("0", false, "US", "CH");
        SettlementMath.SupplyTreatments vatCharged = SettlementMath.supplyTreatments("19", false, "US", "DE");

        assertThat(domestic).isEqualTo(SettlementMath.SupplyTreatments.uniform("19", false));
        assertThat(otherMemberState).isEqualTo(SettlementMath.SupplyTreatments.uniform("0", true));
        assertThat(monaco).isEqualTo(SettlementMath.SupplyTreatments.uniform("0", true));
        assertThat(unknownCountry).isEqualTo(SettlementMath.SupplyTreatments.uniform("0", false));
        assertThat(issuerOutside).isEqualTo(SettlementMath.SupplyTreatments.uniform("0", false));
        assertThat(vatCharged).isEqualTo(SettlementMath.SupplyTreatments.uniform("19", false));
    }
}
