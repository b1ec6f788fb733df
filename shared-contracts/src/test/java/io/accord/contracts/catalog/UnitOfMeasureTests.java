package io.accord.contracts.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitOfMeasureTests {

    @ParameterizedTest(name = "{0} {1} = {3} {2}")
    @CsvSource({
            "1.5, GB, MB, 1536",
            "1, GB, B, 1073741824",
            "512, KB, MB, 0.5",
            "1, B, KB, 0.0009765625",
            "1, B, GB, 0.000000000931322574615478515625",
            "90, S, MIN, 1.5",
            "2.5, H, S, 9000",
            "7, EVENT, EVENT, 7",
            "0, MB, KB, 0",
            "-3, MIN, S, -180"})
    void convertsExactlyWithinADimension(String quantity, String from, String to, String expected) {
        BigDecimal result = UnitOfMeasure.valueOf(from).convert(new BigDecimal(quantity), UnitOfMeasure.valueOf(to));

        assertThat(result).isEqualByComparingTo(expected);
        assertThat(result.toPlainString()).isEqualTo(expected);
    }

    @Test
    void everyDataConversionRoundTripsExactly() {
        BigDecimal quantity = new BigDecimal("123456.789");
        for (UnitOfMeasure from : dataUnits()) {
            for (UnitOfMeasure to : dataUnits()) {
                assertThat(to.convert(from.convert(quantity, to), from)).as("%s → %s → %s", from, to, from)
                        .isEqualByComparingTo(quantity);
            }
        }
    }

    @Test
    void aTimeConversionWithoutAFiniteDecimalIsNotExactButCanBeRounded() {
        assertThat(UnitOfMeasure.S.convertExactly(BigDecimal.ONE, UnitOfMeasure.MIN)).isEmpty();
        assertThat(UnitOfMeasure.S.convertExactly(new BigDecimal("30"), UnitOfMeasure.MIN))
                .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("0.5"));
        assertThatThrownBy(() -> UnitOfMeasure.S.convert(BigDecimal.ONE, UnitOfMeasure.MIN))
                .isInstanceOf(ArithmeticException.class);
        assertThat(UnitOfMeasure.S.convert(BigDecimal.ONE, UnitOfMeasure.MIN, 6, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("0.016667");
    }

    @Test
    void unitsOfDifferentDimensionsDoNotConvert() {
        assertThat(UnitOfMeasure.MB.convertsTo(UnitOfMeasure.MIN)).isFalse();
        assertThat(UnitOfMeasure.EVENT.convertsTo(UnitOfMeasure.MESSAGE)).isFalse();
        assertThatThrownBy(() -> UnitOfMeasure.MB.convert(BigDecimal.ONE, UnitOfMeasure.MIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MB (DATA) does not convert to MIN");
        assertThatThrownBy(() -> UnitOfMeasure.MB.convertExactly(BigDecimal.ONE, UnitOfMeasure.S))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsAUnitByItsCodeInAnyCase() {
        assertThat(UnitOfMeasure.ofCode(" mb ")).contains(UnitOfMeasure.MB);
        assertThat(UnitOfMeasure.ofCode("api_call")).contains(UnitOfMeasure.API_CALL);
        assertThat(UnitOfMeasure.ofCode("TB")).isEmpty();
        assertThat(UnitOfMeasure.ofCode(null)).isEmpty();
        assertThat(UnitOfMeasure.ofCode("")).isEmpty();
        for (UnitOfMeasure unit : UnitOfMeasure.values()) {
            assertThat(UnitOfMeasure.ofCode(unit.name())).contains(unit);
            assertThat(UnitOfMeasure.ofCode(unit.name().toLowerCase(java.util.Locale.ROOT))).contains(unit);
            assertThat(UnitOfMeasure.ofCode("\t" + unit.name() + " ")).contains(unit);
        }
    }

    @Test
    void dataUnitsAreBinaryMultiplesAndTimeUnitsSixtyfold() {
        assertThat(UnitOfMeasure.KB.baseUnits()).isEqualByComparingTo("1024");
        assertThat(UnitOfMeasure.GB.baseUnits()).isEqualByComparingTo(BigDecimal.valueOf(1024L * 1024 * 1024));
        assertThat(UnitOfMeasure.H.baseUnits()).isEqualByComparingTo("3600");
    }

    private static UnitOfMeasure[] dataUnits() {
        return Arrays.stream(UnitOfMeasure.values()).filter(unit -> unit.dimension() == UnitOfMeasure.Dimension.DATA)
                .toArray(UnitOfMeasure[]::new);
    }
}
