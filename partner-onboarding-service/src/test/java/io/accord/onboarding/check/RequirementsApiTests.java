package io.accord.onboarding.check;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the checks require, as anyone (the application form) reads it: the configured fields and documents, not the
 * defaults. RESELLER's fields and MVNO's documents are configured here; the other types keep their defaults.
 */
@AccordServiceTest
@TestPropertySource(properties = {
        "accord.onboarding.checks.required-fields.RESELLER=registeredAddress.postCode,contacts.billing.phone",
        "accord.onboarding.checks.common-required-documents=TAX_FORM",
        "accord.onboarding.checks.required-documents.MVNO=IDENTITY,CERTIFICATE"})
class RequirementsApiTests {

    private static final String REQUIREMENTS = "/api/onboarding/applications/requirements";

    @LocalServerPort
    int port;

    @Test
    void anyoneReadsWhatTheConfiguredChecksRequireOfEachPartnerType() {
        TestHttp.Response answer = TestHttp.localPort(port).get(REQUIREMENTS);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(types(answer.json())).containsExactly("OTT_CONTENT", "MVNO", "IOT", "ENTERPRISE_INTEGRATOR",
                "CSP_CARRIER", "RESELLER");
        JsonNode reseller = of(answer.json(), "RESELLER");
        List<String> common = CheckProperties.DEFAULT_COMMON_FIELDS;
        List<String> resellerFields = new ArrayList<>(common);
        resellerFields.addAll(List.of("registeredAddress.postCode", "contacts.billing.phone"));
        assertThat(texts(reseller.get("fields"))).containsExactlyElementsOf(resellerFields);
        assertThat(texts(reseller.get("documents"))).containsExactly("TAX_FORM");
        assertThat(texts(of(answer.json(), "MVNO").get("documents")))
                .containsExactly("CERTIFICATE", "IDENTITY", "TAX_FORM");
        JsonNode carrier = of(answer.json(), "CSP_CARRIER");
        assertThat(texts(carrier.get("fields"))).startsWith(common.toArray(String[]::new))
                .contains("contacts.technical.phone", "bankAccount.bic");
        assertThat(texts(carrier.get("documents"))).containsExactly("CERTIFICATE", "TAX_FORM");
    }

    private static JsonNode of(JsonNode answer, String type) {
        for (JsonNode requirements : answer) {
            if (type.equals(requirements.get("partnerType").asString())) {
                return requirements;
            }
        }
        throw new AssertionError("no requirements for " + type + " in " + answer);
    }

    private static List<String> types(JsonNode answer) {
        List<String> types = new ArrayList<>();
        answer.forEach(requirements -> types.add(requirements.get("partnerType").asString()));
        return types;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asString()));
        return texts;
    }
}
