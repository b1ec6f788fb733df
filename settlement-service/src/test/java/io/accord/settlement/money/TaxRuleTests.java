package io.accord.settlement.money;

import io.accord.contracts.value.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tax per the agreement's treatment. */
class TaxRuleTests {

    @Test
    void appliesTheRateAndRoundsToTheMinorUnit() {
        SettlementMath.TaxLine tax = SettlementMath.tax(Money.of("1234.57", "EUR"), "19", false);

        assertThat(tax.amount()).isEqualTo(Money.of("234.57", "EUR"));
        assertThat(tax.ratePercent()).isEqualByComparingTo("19");
        assertThat(tax.legalNote()).isNull();
    }

    @Test
    void reverseChargeIsZeroWithTheLegalNote() {
        SettlementMath.TaxLine tax = SettlementMath.tax(Money.of("1234.57", "EUR"), "19", true);

        assertThat(tax.amount()).isEqualTo(Money.zero("EUR"));
        assertThat(tax.ratePercent()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(tax.reverseCharge()).isTrue();
        assertThat(tax.legalNote()).contains("Reverse charge").contains("Article 196");
    }

    @Test
    void taxOfWhatAPartnerOwesIsNegativeAndTiesGoToTheEvenCent() {
        // a reseller's net of −107.25 at 19 % is −20.3775 → −20.38; 512.50 at 19 % is 97.375 → 97.38 (8 is even)
        assertThat(SettlementMath.tax(Money.of("-107.25", "EUR"), "19", false).amount())
                .isEqualTo(Money.of("-20.38", "EUR"));
        assertThat(SettlementMath.tax(Money.of("512.50", "EUR"), "19", false).amount())
                .isEqualTo(Money.of("97.38", "EUR"));
        assertThat(SettlementMath.tax(Money.of("0.25", "EUR"), "10", false).amount())
                .isEqualTo(Money.of("0.02", "EUR"));
    }

    @Test
    void refusesARateOutsideZeroToHundred() {
        assertThatThrownBy(() -> SettlementMath.tax(Money.of("1", "EUR"), "101", false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
