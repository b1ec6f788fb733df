package io.accord.contracts;

import io.accord.contracts.value.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTests {

    @Test
    void keepsAFixedScaleSoEqualAmountsAreEqual() {
        assertThat(Money.of("1.5", "EUR")).isEqualTo(Money.of(new BigDecimal("1.500000"), "EUR"));
    }

    @Test
    void addsWithoutDrift() {
        Money sum = Money.zero("EUR");
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Money.of("0.1", "EUR"));
        }
        assertThat(sum).isEqualTo(Money.of("1", "EUR"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency mismatch");
    }

    @Test
    void refusesUnknownCurrencyCodes() {
        assertThatThrownBy(() -> Money.of("1", "XXY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsEveryTopicWithItsDeadLetterTopic() {
        assertThat(Topics.allWithDeadLetters()).hasSize(Topics.ALL.size() * 2).contains("usage.raw.v1.DLT");
    }
}
