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
            new Characteristic("sim", "STRING", List.of(), null, null, null, true, false, "eSIM"));

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

    private static void refused(Map<String, String> values, String field, String message) {
        assertThatThrownBy(() -> CharacteristicRules.resolve("a", SPEC, values))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).contains(field));
    }
}
