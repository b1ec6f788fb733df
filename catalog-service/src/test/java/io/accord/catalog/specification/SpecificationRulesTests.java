package io.accord.catalog.specification;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The resource types a specification may name (the inventory's, each once), and characteristics' values. */
class SpecificationRulesTests {

    @Test
    void aNumberIsADecimalAndAnIntegerAWholeNumberInRangesAndFixedValues() {
        assertThat(characteristicErrors(number("NUMBER", "0.5", "2.5", null))).isEmpty();
        assertThat(characteristicErrors(number("NUMBER", null, null, "2.5"))).isEmpty();
        assertThat(characteristicErrors(number("INTEGER", "1", "4", null))).isEmpty();
        assertThat(characteristicErrors(number("INTEGER", null, null, "10"))).isEmpty();

        assertThat(characteristicErrors(number("INTEGER", null, null, "2.5")))
                .containsExactly("s.characteristics[0].fixedValue: must be a whole number (at most 18 digits)");
        assertThat(characteristicErrors(number("INTEGER", "0.5", "4.5", null))).containsExactly(
                "s.characteristics[0].min: an INTEGER's range is of whole numbers (at most 18 digits), not 0.5",
                "s.characteristics[0].max: an INTEGER's range is of whole numbers (at most 18 digits), not 4.5");
        assertThat(characteristicErrors(number("INTEGER", null, null, "1E+30"))).singleElement().asString()
                .contains("whole number");
    }

    @Test
    void aNumberThatWouldTakeGigabytesToWriteOutIsRefusedBeforeAnythingWritesIt() {
        assertThat(characteristicErrors(number("NUMBER", "1E+999999999", null, null))).containsExactly(
                "s.characteristics[0].min: must be a number with at most 100 decimals and no exponent above 100");
        assertThat(characteristicErrors(number("NUMBER", null, "1E-101", null))).singleElement().asString()
                .startsWith("s.characteristics[0].max: must be a number with at most 100 decimals");
        assertThat(characteristicErrors(number("NUMBER", null, null, "1E+999999999"))).singleElement().asString()
                .startsWith("s.characteristics[0].fixedValue: must be a number with at most 100 decimals");
        assertThat(characteristicErrors(number("NUMBER", "1E+100", null, null))).isEmpty();
    }

    @Test
    void aNumbersFixedValueIsKeptWithoutExponent() {
        assertThat(number("NUMBER", null, null, "1E+2").fixedValue()).isEqualTo("1E+2");
        assertThat(normalized(number("NUMBER", null, null, " 1E+2 ")).fixedValue()).isEqualTo("100");
        assertThat(normalized(number("NUMBER", null, null, "0E-6")).fixedValue()).isEqualTo("0.000000");
        assertThat(normalized(number("INTEGER", null, null, "2")).fixedValue()).isEqualTo("2");
        assertThat(normalized(number("NUMBER", null, null, "2.50")).fixedValue()).as("as written otherwise")
                .isEqualTo("2.50");
        assertThat(normalized(number("NUMBER", null, null, "1E+999999999")).fixedValue())
                .as("left for the rules to refuse").isEqualTo("1E+999999999");
        assertThat(normalized(new SpecificationDraft.Characteristic("code", SpecificationDraft.ValueType.STRING,
                List.of(), null, null, null, false, false, "1E+2")).fixedValue()).as("a text is a text")
                .isEqualTo("1E+2");
    }

    @Test
    void acceptsEachOfTheInventorysResourceTypes() {
        assertThat(errors("MSISDN", "ICCID", "IMSI", "LICENCE_KEY")).isEmpty();
        assertThat(errors()).isEmpty();
    }

    @Test
    void refusesAResourceTypeTheInventoryDoesNotKnowNamingTheKnownOnes() {
        assertThat(errors("MSISDN", "BANANA")).containsExactly("s.fulfilment.resourceTypes[1]: unknown resource "
                + "type 'BANANA'; known types: MSISDN, ICCID, IMSI, LICENCE_KEY");
        assertThat(errors("imsi")).singleElement().asString().startsWith("s.fulfilment.resourceTypes[0]: unknown");
        assertThat(errors((String) null)).singleElement().asString().contains("known types: MSISDN");
    }

    @Test
    void refusesAResourceTypeListedTwice() {
        assertThat(errors("MSISDN", "ICCID", "MSISDN")).containsExactly("s.fulfilment.resourceTypes[2]: resource "
                + "type 'MSISDN' is listed twice; list each of MSISDN, ICCID, IMSI, LICENCE_KEY at most once");
    }

    private static SpecificationDraft.Characteristic number(String type, String min, String max, String fixed) {
        return new SpecificationDraft.Characteristic("c", SpecificationDraft.ValueType.valueOf(type), List.of(),
                min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max), null, false,
                fixed == null, fixed);
    }

    private static SpecificationDraft.Characteristic normalized(SpecificationDraft.Characteristic characteristic) {
        return new SpecificationDraft("spec", "Spec", null, List.of(characteristic), null).normalized()
                .characteristics().getFirst();
    }

    private static List<String> characteristicErrors(SpecificationDraft.Characteristic characteristic) {
        SpecificationDraft spec = new SpecificationDraft("spec", "Spec", null, List.of(characteristic), null);
        List<String> errors = new ArrayList<>();
        SpecificationRules.check(spec, "s", (field, message) -> errors.add(field + ": " + message));
        return errors;
    }

    private static List<String> errors(String... resourceTypes) {
        SpecificationDraft spec = new SpecificationDraft("spec", "Spec", null, List.of(),
                new SpecificationDraft.Fulfilment(Arrays.asList(resourceTypes), false));
        List<String> errors = new ArrayList<>();
        SpecificationRules.check(spec, "s", (field, message) -> errors.add(field + ": " + message));
        return errors;
    }
}
