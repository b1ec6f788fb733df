package io.accord.orchestration.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LuhnTests {

    @Test
    void computesTheTextbookCheckDigit() {
        assertThat(Luhn.checkDigit("7992739871")).isEqualTo(3);
        assertThat(Luhn.isValid("79927398713")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"79927398710", "79927398711", "79927398712", "79927398714", "79927398719"})
    void refusesEveryOtherCheckDigit(String number) {
        assertThat(Luhn.isValid(number)).isFalse();
    }

    @Test
    void catchesASingleMistypedDigitAndASwapOfNeighbours() {
        String iccid = "891490000000000001";
        String valid = iccid + Luhn.checkDigit(iccid);

        assertThat(Luhn.isValid(valid)).isTrue();
        assertThat(Luhn.isValid("891490000000000002" + valid.charAt(valid.length() - 1))).isFalse();
        assertThat(Luhn.isValid("891490000000000010" + valid.charAt(valid.length() - 1))).isFalse();
    }

    @Test
    void refusesWhatIsNotDigits() {
        assertThatThrownBy(() -> Luhn.checkDigit("89A1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Luhn.isValid("7")).isFalse();
    }
}
