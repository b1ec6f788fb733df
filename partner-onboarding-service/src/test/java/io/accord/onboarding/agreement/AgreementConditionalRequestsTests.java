package io.accord.onboarding.agreement;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;

import static io.accord.onboarding.agreement.AgreementApi.AGREEMENTS;
import static io.accord.testsupport.ConditionalAnswers.assertFirstAppliedOthersRefused;
import static io.accord.testsupport.ConditionalAnswers.assertNotModified;
import static io.accord.testsupport.ConditionalAnswers.assertPreconditionFailed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMF651 agreements answer a strong ETag (the version row's {@code @Version}, which moves with every change of what
 * the resource shows) and honour If-Match on PATCH, DELETE and the actions: a stale one is a 412 problem+json and
 * changes nothing, so nobody approves terms other than those they read.
 */
@AccordServiceTest
class AgreementConditionalRequestsTests {

    @LocalServerPort
    int port;

    private AgreementApi api;

    @BeforeEach
    void setUp() {
        api = new AgreementApi(port);
    }

    @Test
    void theSecondOfTwoPatchesOfTheSameVersionGets412AndChangesNothing() {
        String partner = api.newPartner("ETag Draft GmbH");
        TestHttp.Response created = api.manager.post(AGREEMENTS, AgreementApi.body(partner, Instant.now(),
                AgreementFixtures.termsJson()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String agreement = created.header("Location");
        String read = api.manager.get(agreement).header("ETag");
        assertThat(read).isNotBlank().startsWith("\"").isEqualTo(created.header("ETag"));

        TestHttp.Response annas = api.manager.header("If-Match", read).patch(agreement, "{\"name\": \"Anna's\"}");
        TestHttp.Response berts = api.secondManager.header("If-Match", read).patch(agreement, "{\"name\": \"Bert's\"}");

        String applied = assertFirstAppliedOthersRefused(read, annas, berts);
        assertThat(applied).isEqualTo(api.manager.get(agreement).header("ETag"));
        assertThat(api.manager.get(agreement).json().get("name").asString()).isEqualTo("Anna's");
        assertThat(api.secondManager.header("If-Match", applied)
                .patch(agreement, "{\"name\": \"Bert's\"}").status()).isEqualTo(200);
    }

    @Test
    void aGetAnswers304UntilTheVersionChangesAndAStaleIfMatchOnAGetIs412() {
        String partner = api.newPartner("ETag Read AB");
        String id = api.draft(partner, Instant.now(), AgreementFixtures.termsJson());
        String agreement = AGREEMENTS + "/" + id;
        String etag = api.manager.get(agreement).header("ETag");

        assertNotModified(api.manager.header("If-None-Match", etag).get(agreement));

        TestHttp.Response proposed = api.manager.post(agreement + "/proposal", null);
        assertThat(proposed.header("ETag")).isNotEqualTo(etag);

        TestHttp.Response changed = api.manager.header("If-None-Match", etag).get(agreement);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(changed.header("ETag")).isEqualTo(proposed.header("ETag"));
        assertThat(api.partnerAdmin(partner).header("If-Match", etag).get(agreement).status()).isEqualTo(412);
    }

    @Test
    void anApprovalOfTermsThatChangedSinceTheyWereReadIsRefused() {
        String partner = api.newPartner("Stale Approval Srl");
        String id = api.proposed(partner, Instant.now(), AgreementFixtures.termsJson());
        String agreement = AGREEMENTS + "/" + id;
        TestHttp reviewer = TestHttp.localPort(port).as(TestJwt.staff("pat-admin", Roles.PLATFORM_ADMIN));
        String reviewed = reviewer.get(agreement).header("ETag");
        // meanwhile another reviewer sends it back, and its proposer cuts the guarantee and proposes it again
        assertThat(api.secondManager.post(agreement + "/sendBack", "{\"reason\": \"check the guarantee\"}")
                .status()).isEqualTo(200);
        assertThat(api.manager.patch(agreement, "{\"terms\": %s}".formatted(
                AgreementFixtures.termsJson("\"amount\": 100", "\"amount\": 50"))).status()).isEqualTo(200);
        assertThat(api.manager.post(agreement + "/proposal", null).status()).isEqualTo(200);

        TestHttp.Response stale = reviewer.header("If-Match", reviewed).post(agreement + "/approval", null);

        String current = reviewer.get(agreement).header("ETag");
        assertPreconditionFailed(stale, current);
        tools.jackson.databind.JsonNode approvedBy = api.manager.get(agreement).json().get("termsApproval")
                .get("approvedBy");
        assertThat(approvedBy == null || approvedBy.isNull()).as("nobody approved").isTrue();
        TestHttp.Response approved = reviewer.header("If-Match", current).post(agreement + "/approval", null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.header("ETag")).isNotEqualTo(current);
    }

    @Test
    void aDeleteNamingAnOlderVersionIsRefusedAndTheCurrentOneDeletes() {
        String partner = api.newPartner("ETag Delete Oy");
        String id = api.draft(partner, Instant.now(), AgreementFixtures.termsJson());
        String agreement = AGREEMENTS + "/" + id;
        String old = api.manager.get(agreement).header("ETag");
        assertThat(api.manager.patch(agreement, "{\"description\": \"renamed before delete\"}").status())
                .isEqualTo(200);

        TestHttp.Response stale = api.secondManager.header("If-Match", old).delete(agreement);

        TestHttp.Response now = api.manager.get(agreement);
        assertPreconditionFailed(stale, now.header("ETag"));
        assertThat(now.status()).isEqualTo(200);
        TestHttp.Response current = api.secondManager.header("If-Match", now.header("ETag")).delete(agreement);
        assertThat(current.status()).as(current.body()).isEqualTo(204);
        assertThat(api.manager.get(agreement).status()).isEqualTo(404);
    }
}
