package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@AccordServiceTest
class PartnerSecurityTests {

    private static final String PARTNERS = "/api/onboarding/partners";

    @LocalServerPort
    int port;

    @Test
    void noTokenIsUnauthorizedAsProblemJson() {
        TestHttp.Response response = TestHttp.localPort(port).get(PARTNERS);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://accord.dev/problems/unauthorized");
        assertThat(response.json().get("correlationId").asString()).isEqualTo(response.header("X-Correlation-Id"));
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        String token = TestJwt.staff("mallory", Roles.PLATFORM_ADMIN);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

        assertThat(TestHttp.localPort(port).as(forged).get(PARTNERS).status()).isEqualTo(401);
    }

    @Test
    void theWrongRoleIsForbiddenAndCreatesNothing() {
        TestHttp partnerAdmin = TestHttp.localPort(port)
                .as(TestJwt.partner("pa", java.util.UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));
        TestHttp staff = TestHttp.localPort(port).as(TestJwt.staff("ops", Roles.OPS));
        String before = staff.get(PARTNERS).header("X-Total-Count");

        TestHttp.Response response = partnerAdmin.post(PARTNERS, PartnerApiTests.newPartner("Sneaky Ltd"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("https://accord.dev/problems/forbidden");
        assertThat(staff.get(PARTNERS).header("X-Total-Count")).isEqualTo(before);
        assertThat(partnerAdmin.post(PARTNERS, "{}").status()).as("403 before validation").isEqualTo(403);
    }

    @Test
    void aPartnerSeesItselfButAnotherPartnerIsNotFound() {
        TestHttp manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));
        String partnerA = manager.post(PARTNERS, PartnerApiTests.newPartner("Partner A")).json().get("id").asString();
        String partnerB = manager.post(PARTNERS, PartnerApiTests.newPartner("Partner B")).json().get("id").asString();
        TestHttp adminOfA = TestHttp.localPort(port).as(TestJwt.partner("a-admin", partnerA, Roles.PARTNER_ADMIN));

        assertThat(adminOfA.get(PARTNERS + "/" + partnerA).status()).isEqualTo(200);
        TestHttp.Response other = adminOfA.get(PARTNERS + "/" + partnerB);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Partner B");
        TestHttp.Response list = adminOfA.get(PARTNERS);
        assertThat(list.header("X-Total-Count")).isEqualTo("1");
        assertThat(list.json().get(0).get("id").asString()).isEqualTo(partnerA);
    }

    @Test
    void aPartnerRoleWithoutPartnerIdSeesNothing() {
        TestHttp orphan = TestHttp.localPort(port).as(TestJwt.staff("orphan", Roles.PARTNER_ADMIN));

        assertThat(orphan.get(PARTNERS).status()).isEqualTo(200);
        assertThat(orphan.get(PARTNERS).header("X-Total-Count")).isEqualTo("0");
    }
}
