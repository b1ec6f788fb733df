package io.accord.onboarding.agreement;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.BusinessModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

import static io.accord.onboarding.agreement.AgreementApi.AGREEMENTS;
import static io.accord.onboarding.agreement.AgreementApi.TEMPLATES;
import static org.assertj.core.api.Assertions.assertThat;

@AccordServiceTest
class AgreementTemplateApiTests {

    @LocalServerPort
    int port;

    private AgreementApi api;

    @BeforeEach
    void setUp() {
        api = new AgreementApi(port);
    }

    @ParameterizedTest
    @EnumSource(BusinessModel.class)
    void aFreshPlatformHasAValidCurrentTemplateForEveryBusinessModel(BusinessModel model) {
        TestHttp.Response page = api.manager.get(TEMPLATES + "?businessModel=" + model);

        assertThat(page.status()).isEqualTo(200);
        JsonNode current = page.json().get(0);
        assertThat(current.get("current").asBoolean()).isTrue();
        assertThat(current.get("businessModel").asString()).isEqualTo(model.name());
        AgreementTerms seeded = JsonMapper.builder().build().treeToValue(current.get("terms"), AgreementTerms.class);
        assertThat(TermsRules.validated(seeded, "terms")).as("seeded terms obey the rules").isNotNull();
        JsonNode first = api.manager.get(TEMPLATES + "/5e7d0c1a-4a1e-4c55-9a01-00000000000"
                + (model.ordinal() + 1)).json();
        assertThat(first.get("businessModel").asString()).isEqualTo(model.name());
        assertThat(first.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aNewVersionBecomesCurrentAndNewAgreementsStartFromIt(@Autowired Agreements agreements,
                                                              @Autowired PlatformTransactionManager transactions) {
        JsonNode previous = api.manager.get(TEMPLATES + "?businessModel=CO_CREATE&limit=1").json().get(0);

        TestHttp.Response created = api.manager.post(TEMPLATES, template("CO_CREATE", AgreementFixtures.termsJson()));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(created.json().get("href").asString());
        assertThat(created.json().get("version").asInt()).isEqualTo(previous.get("version").asInt() + 1);
        assertThat(created.json().get("current").asBoolean()).isTrue();
        assertThat(created.json().get("createdBy").asString()).isEqualTo("pm-anna");
        assertThat(api.manager.get(TEMPLATES + "/" + previous.get("id").asString()).json().get("current")
                .asBoolean()).isFalse();
        String templateId = created.json().get("id").asString();
        PartnerId partner = PartnerId.of(api.newPartner("Co Creator Labs"));
        AgreementRef started = new TransactionTemplate(transactions).execute(status ->
                agreements.startFromTemplate(partner, BusinessModel.CO_CREATE, "EUR", Instant.now()));
        assertThat(api.manager.get(AGREEMENTS + "/" + started.id()).json().get("agreementSpecification").get("id")
                .asString()).isEqualTo(templateId);
        JsonNode audit = api.auditor.get("/api/onboarding/audit?resourceId=" + templateId).json().get(0);
        assertThat(audit.get("action").asString()).isEqualTo("created");
        assertThat(audit.get("resourceType").asString()).isEqualTo("agreement-template");
        assertThat(audit.get("actor").asString()).isEqualTo("pm-anna");
    }

    @Test
    void invalidTemplateTermsAreNamedAndCreateNoVersion() {
        String before = api.manager.get(TEMPLATES + "?businessModel=RESELL").header("X-Total-Count");

        TestHttp.Response response = api.manager.post(TEMPLATES, template("RESELL",
                AgreementFixtures.termsJson("\"partnerSharePercent\": 70", "\"partnerSharePercent\": -70")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("violations").get(0).get("field").asString())
                .isEqualTo("terms.revenueShares[0].partnerSharePercent");
        assertThat(api.manager.post(TEMPLATES, "{\"name\": \"x\"}").json().get("violations")).hasSize(2);
        assertThat(api.manager.get(TEMPLATES + "?businessModel=RESELL").header("X-Total-Count")).isEqualTo(before);
    }

    @Test
    void templatesAreForStaffOnlyAndOnlyManagersChangeThem() {
        TestHttp partnerAdmin = TestHttp.localPort(port)
                .as(TestJwt.partner("pa", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));
        TestHttp ops = TestHttp.localPort(port).as(TestJwt.staff("ops", Roles.OPS));

        assertThat(partnerAdmin.get(TEMPLATES).status()).isEqualTo(403);
        assertThat(partnerAdmin.post(TEMPLATES, "{}").status()).isEqualTo(403);
        assertThat(ops.get(TEMPLATES).status()).isEqualTo(200);
        assertThat(ops.post(TEMPLATES, template("RESELL", AgreementFixtures.termsJson())).status()).isEqualTo(403);
        assertThat(ops.get(TEMPLATES + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private static String template(String model, String terms) {
        return """
                {"businessModel": "%s", "name": "Improved terms", "description": "better tiers",
                 "terms": %s}""".formatted(model, terms);
    }
}
