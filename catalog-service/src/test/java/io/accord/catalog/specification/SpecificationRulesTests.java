package io.accord.catalog.specification;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The resource types a specification may name: the inventory's, each once. */
class SpecificationRulesTests {

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

    private static List<String> errors(String... resourceTypes) {
        SpecificationDraft spec = new SpecificationDraft("spec", "Spec", null, List.of(),
                new SpecificationDraft.Fulfilment(Arrays.asList(resourceTypes), false));
        List<String> errors = new ArrayList<>();
        SpecificationRules.check(spec, "s", (field, message) -> errors.add(field + ": " + message));
        return errors;
    }
}
