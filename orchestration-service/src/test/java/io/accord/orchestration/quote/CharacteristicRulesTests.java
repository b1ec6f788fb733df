package io.accord.orchestration.quote;

import io.accord.contracts.events.OfferingLaunched.Characteristic;
import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CharacteristicRulesTests {

    private static final List<Characteristic> SPEC = List.of(
            new Characteristic("volume", "NUMBER", List.of(), "1", "100", "GB", true, true, null),
            new Characteristic("network", "ENUM", List.of("4G", "5G"), null, null, null, false, true, null),
            new Characteristic("roaming", "BOOLEAN", List.of(), null, null, null, false, true, null),
            new Characteristic("sim", "STRING", List.of(), null, null, null, true, false, "eSIM"),
            new Characteristic("screens", "INTEGER", List.of(), "1", "4", null, false, true, null));

    @Test
    void acceptsValidValuesAndAddsTheFixedOnes() {
        assertThat(CharacteristicRules.resolve("a", SPEC, Map.of("volume", "100", "network", "5G", "roaming", "true")))
                .containsExactly(Map.entry("volume", "100"), Map.entry("network", "5G"), Map.entry("roaming", "true"),
                        Map.entry("sim", "eSIM"));
        assertThat(CharacteristicRules.resolve("a", SPEC, Map.of("volume", "1", "sim", "eSIM"))).containsKey("sim");
    }

    @Test
    void refusesEachBrokenRuleNamingItemAndCharacteristic() {
        refused(Map.of(), "quoteItem[a].product.productCharacteristic[volume]", "mandatory");
        refused(Map.of("volume", "101"), "[volume]", "between 1 and 100");
        refused(Map.of("volume", "lots"), "[volume]", "NUMBER");
        refused(Map.of("volume", "5", "network", "3G"), "[network]", "[4G, 5G]");
        refused(Map.of("volume", "5", "roaming", "yes"), "[roaming]", "BOOLEAN");
        refused(Map.of("volume", "5", "sim", "physical"), "[sim]", "cannot be overridden");
        refused(Map.of("volume", "5", "colour", "red"), "[colour]", "not a characteristic");
    }

    @Test
    void aNumberIsADecimalWithinItsRangeAndAnIntegerAWholeNumberKeptAsItsDigits() {
        assertThat(CharacteristicRules.resolve("a", SPEC, Map.of("volume", "2.5"))).containsEntry("volume", "2.5");
        assertThat(CharacteristicRules.resolve("a", SPEC, Map.of("volume", "5", "screens", "2")))
                .containsEntry("screens", "2");
        assertThat(CharacteristicRules.resolve("a", SPEC, Map.of("volume", "5", "screens", "2.0")))
                .as("a whole number written with decimals").containsEntry("screens", "2");
        assertThat(CharacteristicRules.resolve("a", SPEC, Map.of("volume", "5", "screens", "4E+0")))
                .containsEntry("screens", "4");

        refused(Map.of("volume", "5", "screens", "2.5"), "quoteItem[a].product.productCharacteristic[screens]",
                "is an INTEGER: a whole number (of at most 18 digits), not 2.5");
        refused(Map.of("volume", "5", "screens", "5"), "[screens]", "between 1 and 4, not 5");
        refused(Map.of("volume", "5", "screens", "1E+999999999"), "[screens]", "whole number");
        refused(Map.of("volume", "5", "screens", "two"), "[screens]", "INTEGER");
    }

    private static void refused(Map<String, String> values, String field, String message) {
        assertThatThrownBy(() -> CharacteristicRules.resolve("a", SPEC, values))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).contains(field));
    }
}
