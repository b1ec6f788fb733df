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

    /** One person's template version is never used until a second one approves it (found on 2026-12-08, H15). */
    @Test
    void aNewVersionIsProposedUntilASecondManagerApprovesItAndOnlyThenStartsAgreements(
            @Autowired Agreements agreements, @Autowired PlatformTransactionManager transactions) {
        String previous = currentTemplateId("CO_CREATE");

        TestHttp.Response created = api.manager.post(TEMPLATES, template("CO_CREATE", AgreementFixtures.termsJson()));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(created.json().get("href").asString());
        assertThat(created.json().get("status").asString()).isEqualTo("PROPOSED");
        assertThat(created.json().get("current").asBoolean()).isFalse();
        assertThat(created.json().get("createdBy").asString()).isEqualTo("pm-anna");
        String templateId = created.json().get("id").asString();
        assertThat(currentTemplateId("CO_CREATE")).as("the proposal is not current").isEqualTo(previous);
        assertThat(templateOfActivatedAgreement(agreements, transactions, "One Person Labs"))
                .as("activation ignores a version only its author saw").isEqualTo(previous);

        TestHttp.Response ownApproval = api.manager.post(TEMPLATES + "/" + templateId + "/approval", null);
        assertThat(ownApproval.status()).as(ownApproval.body()).isEqualTo(403);
        assertThat(ownApproval.json().get("type").asString()).endsWith("four-eyes");
        assertThat(ownApproval.json().get("detail").asString()).contains("pm-anna", "another partner-manager");
        assertThat(api.manager.get(TEMPLATES + "/" + templateId).json().get("status").asString())
                .isEqualTo("PROPOSED");

        TestHttp.Response approved = api.secondManager.post(TEMPLATES + "/" + templateId + "/approval", null);

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("current").asBoolean()).isTrue();
        assertThat(approved.json().get("approvedBy").asString()).isEqualTo("pm-bert");
        assertThat(api.manager.get(TEMPLATES + "/" + previous).json().get("current").asBoolean()).isFalse();
        assertThat(templateOfActivatedAgreement(agreements, transactions, "Two People Labs")).isEqualTo(templateId);
        assertThat(api.secondManager.post(TEMPLATES + "/" + templateId + "/approval", null).status())
                .as("approved once").isEqualTo(409);
        assertThat(api.auditActions(templateId)).containsExactly("created", "refused", "approved", "refused");
        JsonNode audit = api.auditor.get("/api/onboarding/audit?resourceId=" + templateId).json();
        assertThat(audit.get(1).get("actor").asString()).isEqualTo("pm-bert");
        assertThat(audit.get(1).get("resourceType").asString()).isEqualTo("agreement-template");
    }

    /** The template's author prepared the terms of every version drafted from it: not its second pair of eyes. */
    @Test
    void theAuthorOfATemplateMayNotApproveTheTermsOfAVersionDraftedFromIt() {
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.staff("pa-carl", Roles.PLATFORM_ADMIN));
        String templateId = api.secondManager.post(TEMPLATES, template("SELL_THROUGH", AgreementFixtures.termsJson()))
                .json().get("id").asString();
        assertThat(api.manager.post(TEMPLATES + "/" + templateId + "/approval", null).status()).isEqualTo(200);
        String partner = api.newPartner("Template Author Check GmbH");
        TestHttp.Response drafted = admin.post(AGREEMENTS, AgreementApi.body(partner, Instant.now(), "null"));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        assertThat(drafted.json().get("agreementSpecification").get("id").asString()).isEqualTo(templateId);
        String agreement = drafted.json().get("id").asString();
        assertThat(admin.post(AGREEMENTS + "/" + agreement + "/proposal", null).status()).isEqualTo(200);

        TestHttp.Response byAuthor = api.secondManager.post(AGREEMENTS + "/" + agreement + "/approval", null);

        assertThat(byAuthor.status()).as(byAuthor.body()).isEqualTo(403);
        assertThat(byAuthor.json().get("type").asString()).endsWith("four-eyes");
        assertThat(byAuthor.json().get("detail").asString()).contains("prepared in its template by pm-bert");
        assertThat(api.manager.post(AGREEMENTS + "/" + agreement + "/approval", null).status())
                .as("who approved the template is not its author").isEqualTo(200);
    }

    private String currentTemplateId(String model) {
        for (JsonNode version : api.manager.get(TEMPLATES + "?businessModel=" + model).json()) {
            if (version.get("current").asBoolean()) {
                return version.get("id").asString();
            }
        }
        throw new AssertionError("no current " + model + " template");
    }

    private String templateOfActivatedAgreement(Agreements agreements, PlatformTransactionManager transactions,
                                                String legalName) {
        PartnerId partner = PartnerId.of(api.newPartner(legalName));
        AgreementRef started = new TransactionTemplate(transactions).execute(status ->
                agreements.startFromTemplate(partner, BusinessModel.CO_CREATE, "EUR", Instant.now()));
        return api.manager.get(AGREEMENTS + "/" + started.id()).json().get("agreementSpecification").get("id")
                .asString();
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
        assertThat(ops.post(TEMPLATES + "/5e7d0c1a-4a1e-4c55-9a01-000000000001/approval", null).status())
                .isEqualTo(403);
        assertThat(ops.get(TEMPLATES + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private static String template(String model, String terms) {
        return """
                {"businessModel": "%s", "name": "Improved terms", "description": "better tiers",
                 "terms": %s}""".formatted(model, terms);
    }
}
