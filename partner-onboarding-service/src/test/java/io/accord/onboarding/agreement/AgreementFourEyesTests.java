package io.accord.onboarding.agreement;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.accord.onboarding.agreement.AgreementApi.AGREEMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four-eyes on agreement terms: whoever created, changed or proposed a version cannot approve its terms, and the
 * partner cannot countersign before a second CSP user has; refusals are audited, the approval names its approver.
 */
@AccordServiceTest
class AgreementFourEyesTests {

    @LocalServerPort
    int port;

    private AgreementApi api;

    @BeforeEach
    void setUp() {
        api = new AgreementApi(port);
    }

    @Test
    void oneManagerAloneCannotPutMoneyTermsIntoEffect() {
        String partner = api.newPartner("Sole Manager GmbH");
        String id = api.draft(partner, Instant.now(), AgreementFixtures.termsJson());
        TestHttp.Response cut = api.manager.patch(AGREEMENTS + "/" + id, """
                {"terms": %s}""".formatted(AgreementFixtures.termsJson("\"amount\": 0.8", "\"amount\": 0.0001")));
        assertThat(cut.status()).as(cut.body()).isEqualTo(200);
        assertThat(api.manager.post(AGREEMENTS + "/" + id + "/proposal", null).status()).isEqualTo(200);

        TestHttp.Response ownApproval = api.manager.post(AGREEMENTS + "/" + id + "/approval", null);
        assertThat(ownApproval.status()).as(ownApproval.body()).isEqualTo(403);
        assertThat(ownApproval.contentType()).startsWith("application/problem+json");
        assertThat(ownApproval.json().get("detail").asString())
                .contains("created, changed, proposed by pm-anna", "another partner-manager or platform-admin",
                        "/approval", "four-eyes");

        TestHttp.Response early = api.partnerAdmin(partner).post(AGREEMENTS + "/" + id + "/countersignature", null);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("second CSP user")
                .as("the partner reads it: no staff names").doesNotContain("pm-anna");
        assertThat(api.status(id)).isEqualTo("PENDING_APPROVAL");

        List<JsonNode> refusals = auditEntries(id, "refused");
        assertThat(refusals).hasSize(2);
        assertThat(refusals).extracting(entry -> entry.get("actor").asString())
                .containsExactlyInAnyOrder("pm-anna", "admin-" + partner.substring(0, 8));
    }

    @Test
    void whoeverOnlyChangedTheDraftIsRefusedToo() {
        String partner = api.newPartner("Editor Check SARL");
        String id = api.draft(partner, Instant.now(), AgreementFixtures.termsJson());
        TestHttp editor = TestHttp.localPort(port).as(TestJwt.staff("pm-carla", Roles.PARTNER_MANAGER));
        assertThat(editor.patch(AGREEMENTS + "/" + id, """
                {"description": "rates renegotiated"}""").status()).isEqualTo(200);
        assertThat(api.manager.post(AGREEMENTS + "/" + id + "/proposal", null).status()).isEqualTo(200);

        TestHttp.Response refused = editor.post(AGREEMENTS + "/" + id + "/approval", null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("changed by pm-carla", "pm-anna, pm-carla");
    }

    @Test
    void aSecondCspUserApprovesThenThePartnerCountersignsAndTheTrailNamesEach() {
        String partner = api.newPartner("Two Signatures AG");
        String id = api.proposed(partner, Instant.now().minusSeconds(5), AgreementFixtures.termsJson());
        TestHttp admin = TestHttp.localPort(port).as(TestJwt.staff("pat-admin", Roles.PLATFORM_ADMIN));

        TestHttp.Response approved = admin.post(AGREEMENTS + "/" + id + "/approval", null);

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(approved.json().get("termsApproval").get("approvedBy").asString()).isEqualTo("pat-admin");
        assertThat(approved.json().get("termsApproval").get("proposedBy").asString()).isEqualTo("pm-anna");
        TestHttp.Response again = api.secondManager.post(AGREEMENTS + "/" + id + "/approval", null);
        assertThat(again.status()).as("approved once").isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already approved by pat-admin");

        TestHttp.Response signed = api.partnerAdmin(partner).post(AGREEMENTS + "/" + id + "/countersignature", null);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(api.status(id)).isEqualTo("ACTIVE");

        assertThat(auditEntries(id, "proposed")).extracting(entry -> entry.get("actor").asString())
                .containsExactly("pm-anna");
        assertThat(auditEntries(id, "terms-approved")).extracting(entry -> entry.get("actor").asString())
                .containsExactly("pat-admin");
        assertThat(auditEntries(id, "countersigned")).extracting(entry -> entry.get("actor").asString())
                .containsExactly("admin-" + partner.substring(0, 8));
    }

    @Test
    void onlyStaffManagersApprove() {
        String partner = api.newPartner("Role Gate Oy");
        String id = api.proposed(partner, Instant.now(), AgreementFixtures.termsJson());
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fin", Roles.FINANCE));

        assertThat(api.partnerAdmin(partner).post(AGREEMENTS + "/" + id + "/approval", null).status()).isEqualTo(403);
        assertThat(finance.post(AGREEMENTS + "/" + id + "/approval", null).status()).isEqualTo(403);
        JsonNode approvedBy = api.manager.get(AGREEMENTS + "/" + id).json().get("termsApproval").get("approvedBy");
        assertThat(approvedBy == null || approvedBy.isNull()).as("nobody approved").isTrue();
    }

    private List<JsonNode> auditEntries(String resourceId, String action) {
        List<JsonNode> entries = new ArrayList<>();
        api.auditor.get("/api/onboarding/audit?resourceId=" + resourceId).json().forEach(entry -> {
            if (action.equals(entry.get("action").asString())) {
                entries.add(entry);
            }
        });
        return entries;
    }
}
