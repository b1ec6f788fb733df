package io.accord.portal.agreement;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TermsChangesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode terms(String json) {
        return JSON.readTree(json);
    }

    @Test
    void namesTheShownTermsThatDifferInThePagesOrder() {
        JsonNode before = terms("""
                {"currency":"EUR","paymentTermsDays":30,"wholesaleRates":[{"unit":"MB","price":{"amount":"0.001000"}}],
                 "revenueShares":[{"offeringCategory":"VIDEO","partnerSharePercent":"30.00"}]}""");
        JsonNode after = terms("""
                {"currency":"EUR","paymentTermsDays":45,"wholesaleRates":[{"unit":"MB","price":{"amount":"0.002"}}],
                 "revenueShares":[{"offeringCategory":"VIDEO","partnerSharePercent":"30.00"}],
                 "taxTreatment":{"ratePercent":19,"reverseCharge":false}}""");

        assertThat(TermsChanges.between(before, after))
                .containsExactly("paymentTermsDays", "taxTreatment", "wholesaleRates");
    }

    @Test
    void decimalsAreComparedByValueAndNullIsAbsent() {
        JsonNode before = terms("""
                {"reconciliationTolerance":{"absolute":{"amount":"5.00","currency":"EUR"},"percent":"0.50"},
                 "minimumMonthlyGuarantee":null,"paymentTermsDays":30}""");
        JsonNode after = terms("""
                {"reconciliationTolerance":{"absolute":{"amount":"5","currency":"EUR"},"percent":0.5},
                 "paymentTermsDays":30.0}""");

        assertThat(TermsChanges.between(before, after)).isEmpty();
    }

    @Test
    void anAddedOrRemovedRuleIsAChange() {
        JsonNode before = terms("{\"revenueShares\":[{\"partnerSharePercent\":\"30\"}]}");
        JsonNode after = terms("{\"revenueShares\":[{\"partnerSharePercent\":\"30\"},{\"partnerSharePercent\":\"20\"}]}");

        assertThat(TermsChanges.between(before, after)).containsExactly("revenueShares");
        assertThat(TermsChanges.between(after, before)).containsExactly("revenueShares");
    }
}
