package io.accord.contracts.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyCurrencyTests {

    @Test
    void currenciesWithAMinorUnitCanBeSettledIn() {
        assertThat(Money.isSettlementCurrency("EUR")).isTrue();
        assertThat(Money.isSettlementCurrency("JPY")).as("no decimals, but a currency").isTrue();
        assertThat(Money.isSettlementCurrency("XAF")).isTrue();
        assertThat(Money.isSettlementCurrency("XCD")).isTrue();
    }

    @Test
    void metalsTestCodesAndUnknownCodesCannot() {
        assertThat(Money.isSettlementCurrency("XAU")).isFalse();
        assertThat(Money.isSettlementCurrency("XDR")).isFalse();
        assertThat(Money.isSettlementCurrency("XTS")).isFalse();
        assertThat(Money.isSettlementCurrency("XXX")).isFalse();
        assertThat(Money.isSettlementCurrency("EURO")).isFalse();
        assertThat(Money.isSettlementCurrency("eur")).isFalse();
        assertThat(Money.isSettlementCurrency(null)).isFalse();
    }
}
