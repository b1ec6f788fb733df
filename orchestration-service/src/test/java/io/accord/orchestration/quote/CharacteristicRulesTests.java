package io.accord.orchestration.quote;

import io.accord.contracts.events.OfferingLaunched.Characteristic;
import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
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
    private static final String ARRAY = "quoteItem[2].product.productCharacteristic";

    @Test
    void acceptsValidValuesAndAddsTheFixedOnes() {
        assertThat(resolve("volume", "100", "network", "5G", "roaming", "true"))
                .containsExactly(Map.entry("volume", "100"), Map.entry("network", "5G"), Map.entry("roaming", "true"),
                        Map.entry("sim", "eSIM"));
        assertThat(resolve("volume", "1", "sim", "eSIM")).containsKey("sim");
    }

    @Test
    void refusesEachBrokenRuleNamingTheItemAndCharacteristicByTheirIndexAsSent() {
        refused(ARRAY, "characteristic 'volume' is mandatory");
        refused(ARRAY + "[0]", "'volume' is between 1 and 100", "volume", "101");
        refused(ARRAY + "[0]", "'volume' is a NUMBER", "volume", "lots");
        refused(ARRAY + "[1]", "'network' is one of [4G, 5G]", "volume", "5", "network", "3G");
        refused(ARRAY + "[1]", "'roaming' is a BOOLEAN", "volume", "5", "roaming", "yes");
        refused(ARRAY + "[0]", "'sim' has the fixed value", "sim", "physical", "volume", "5");
        refused(ARRAY + "[1]", "'colour' is not a characteristic", "volume", "5", "colour", "red");
        assertThatThrownBy(() -> resolve("volume", "5", "colour", "red")).hasMessageStartingWith("Quote item 'a': ");
    }

    @Test
    void aNumberIsADecimalWithinItsRangeAndAnIntegerAWholeNumberKeptAsItsDigits() {
        assertThat(resolve("volume", "2.5")).containsEntry("volume", "2.5");
        assertThat(resolve("volume", "5", "screens", "2")).containsEntry("screens", "2");
        assertThat(resolve("volume", "5", "screens", "2.0"))
                .as("a whole number written with decimals").containsEntry("screens", "2");
        assertThat(resolve("volume", "5", "screens", "4E+0")).containsEntry("screens", "4");

        refused(ARRAY + "[1]", "is an INTEGER: a whole number (of at most 18 digits), not 2.5",
                "volume", "5", "screens", "2.5");
        refused(ARRAY + "[0]", "between 1 and 4, not 5", "screens", "5", "volume", "5");
        refused(ARRAY + "[1]", "whole number", "volume", "5", "screens", "1E+999999999");
        refused(ARRAY + "[1]", "INTEGER", "volume", "5", "screens", "two");
    }

    /** Resolves the values of item {@code a}, the third of its quote, sent in the order given (name, value, ...). */
    private static Map<String, String> resolve(String... namesAndValues) {
        Map<String, String> sent = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            sent.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return CharacteristicRules.resolve(ItemLabel.QUOTE.at(2, "a", List.copyOf(sent.keySet())), SPEC, sent);
    }

    private static void refused(String field, String message, String... namesAndValues) {
        assertThatThrownBy(() -> resolve(namesAndValues))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }
}
