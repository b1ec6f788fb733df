package io.accord.orchestration.inventory;

import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberRangeTests {

    @Test
    void generatesEveryMsisdnOfTheRangeWithItsPlus() {
        NumberRange range = NumberRange.of(ResourceType.MSISDN, "+4915100000000", "+4915100099999", 100_000);

        assertThat(range.size()).isEqualTo(100_000);
        assertThat(range.values(0, 3)).containsExactly("+4915100000000", "+4915100000001", "+4915100000002");
        assertThat(range.values(99_998, 10)).containsExactly("+4915100099998", "+4915100099999");
    }

    @Test
    void keepsLeadingZerosOfImsis() {
        NumberRange range = NumberRange.of(ResourceType.IMSI, "262010000000098", "262010000000101", 10);

        assertThat(range.values(0, 10)).containsExactly("262010000000098", "262010000000099", "262010000000100",
                "262010000000101");
    }

    @Test
    void appendsTheLuhnDigitToEveryGeneratedIccid() {
        NumberRange range = NumberRange.of(ResourceType.ICCID, "894900000000000000", "894900000000000019", 100);

        List<String> iccids = range.values(0, 100);

        assertThat(iccids).hasSize(20).allSatisfy(iccid -> {
            assertThat(iccid).hasSize(19).startsWith("8949");
            assertThat(Luhn.isValid(iccid)).as(iccid).isTrue();
            assertThat(ResourceType.ICCID.problemWith(iccid)).isEmpty();
        });
        assertThat(iccids).doesNotHaveDuplicates();
    }

    @Test
    void refusesARangeOverTheLimitNamingItsSize() {
        assertThatThrownBy(() -> NumberRange.of(ResourceType.MSISDN, "+4915100000000", "+4915100099999", 50_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("100000").hasMessageContaining("50000");
    }

    @Test
    void refusesReversedMismatchedAndMalformedEnds() {
        assertThatThrownBy(() -> NumberRange.of(ResourceType.MSISDN, "+4915100000009", "+4915100000000", 10))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> NumberRange.of(ResourceType.MSISDN, "+4915100000000", "4915100000009", 10))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> NumberRange.of(ResourceType.MSISDN, "+49151000000", "+4915100000009", 10))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> NumberRange.of(ResourceType.MSISDN, "phone", "+4915100000009", 10))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("from");
        assertThatThrownBy(() -> NumberRange.of(ResourceType.ICCID, "8949000000000000001", "12", 10))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> NumberRange.of(ResourceType.MSISDN, null, "+4915100000009", 10))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("from");
    }

    @Test
    void licenceKeysHaveNoRanges() {
        assertThatThrownBy(() -> NumberRange.of(ResourceType.LICENCE_KEY, "AAAA-0001", "AAAA-0009", 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("CSV");
    }
}
