package io.accord.orchestration.activation;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Self-care of activation endpoints: registration, the secret shown once and rotated, tenancy, validation. */
@AccordServiceTest
class PartnerEndpointApiTests {

    private static final String ENDPOINTS = "/api/orchestration/partner-endpoints";

    @LocalServerPort
    int port;
    private final JdbcClient jdbc;

    PartnerEndpointApiTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void aPartnerRegistersItsWebhookAndSeesTheSecretOnlyOnce() {
        String partner = UUID.randomUUID().toString();
        TestHttp admin = admin(partner);

        TestHttp.Response registered = admin.post(ENDPOINTS, Examples.of("partner-endpoint.json"));

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.header("Location")).isEqualTo(ENDPOINTS + "/" + partner);
        String secret = registered.json().get("secret").asString();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        JsonNode read = admin.get(ENDPOINTS + "/" + partner).json();
        assertThat(read.get("mode").asString()).isEqualTo("WEBHOOK");
        assertThat(read.get("url").asString()).isEqualTo("https://activation.example-partner.com/accord/activations");
        assertThat(read.has("secret")).isFalse();
        assertThat(admin.get(ENDPOINTS).body()).doesNotContain(secret);
        byte[] stored = jdbc.sql("select secret_encrypted from partner_endpoint where partner_id = :id")
                .param("id", UUID.fromString(partner)).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(jdbc.sql("select count(*) from audit_event where resource_id = :id and action = 'registered' "
                        + "and after_state::text not like :secret")
                .param("id", partner).param("secret", "%" + secret + "%").query(Long.class).single()).isEqualTo(1);

        TestHttp.Response changed = admin.post(ENDPOINTS, "{\"mode\": \"WEBHOOK\", \"url\": \"https://b.example/hook\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().has("secret")).as("the secret is kept, not shown again").isFalse();
    }

    @Test
    void rotatingShowsTheNewSecretOnceAndOnlyForAWebhook() {
        String partner = UUID.randomUUID().toString();
        TestHttp admin = admin(partner);
        String first = admin.post(ENDPOINTS, "{\"mode\": \"WEBHOOK\", \"url\": \"http://localhost:9/hook\"}")
                .json().get("secret").asString();

        TestHttp.Response rotated = admin.post(ENDPOINTS + "/" + partner + "/rotate-secret", null);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.json().get("secret").asString()).startsWith("whsec_").isNotEqualTo(first);
        assertThat(admin.post(ENDPOINTS, "{\"mode\": \"EVENT\"}").status()).isEqualTo(200);
        assertThat(admin.get(ENDPOINTS + "/" + partner).json().get("mode").asString()).isEqualTo("EVENT");
        assertThat(admin.post(ENDPOINTS + "/" + partner + "/rotate-secret", null).status()).isEqualTo(409);
    }

    @Test
    void aPartnerSeesOnlyItsOwnEndpointAndStaffSeeAll() {
        String partner = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        admin(partner).post(ENDPOINTS, "{\"mode\": \"EVENT\"}");
        admin(other).post(ENDPOINTS, "{\"mode\": \"WEBHOOK\", \"url\": \"https://other.example/hook\"}");
        TestHttp ops = TestHttp.localPort(port).as(TestJwt.staff("ops", Roles.OPS));

        assertThat(admin(partner).get(ENDPOINTS + "/" + other).status()).isEqualTo(404);
        assertThat(admin(partner).post(ENDPOINTS + "/" + other + "/rotate-secret", null).status()).isEqualTo(404);
        TestHttp.Response own = admin(partner).get(ENDPOINTS);
        assertThat(own.json()).hasSize(1);
        assertThat(own.json().get(0).get("partnerId").asString()).isEqualTo(partner);
        assertThat(ops.get(ENDPOINTS + "/" + other).json().get("url").asString()).isEqualTo("https://other.example/hook");
        assertThat(ops.get(ENDPOINTS + "?limit=500").body()).contains(partner, other);
        assertThat(ops.get(ENDPOINTS + "/not-an-id").status()).isEqualTo(404);
        assertThat(ops.post(ENDPOINTS, "{\"mode\": \"AUTO\"}").status()).isEqualTo(403);
        assertThat(TestHttp.localPort(port).as(TestJwt.partner("u", partner, Roles.PARTNER_USER))
                .post(ENDPOINTS, "{\"mode\": \"AUTO\"}").status()).isEqualTo(403);
    }

    @Test
    void aPartnerThatRegisteredNothingIsActivatedAutomatically() {
        String partner = UUID.randomUUID().toString();

        JsonNode endpoint = admin(partner).get(ENDPOINTS + "/" + partner).json();

        assertThat(endpoint.get("mode").asString()).isEqualTo("AUTO");
        assertThat(endpoint.get("registered").asBoolean()).isFalse();
    }

    @Test
    void badRegistrationsAreRefusedNamingTheField() {
        TestHttp admin = admin(UUID.randomUUID().toString());

        assertField(admin.post(ENDPOINTS, "{\"mode\": \"WEBHOOK\", \"url\": \"http://partner.example/hook\"}"), "url");
        assertField(admin.post(ENDPOINTS, "{\"mode\": \"WEBHOOK\"}"), "url");
        assertField(admin.post(ENDPOINTS, "{\"mode\": \"WEBHOOK\", \"url\": \"ftp://partner.example\"}"), "url");
        assertField(admin.post(ENDPOINTS, "{\"mode\": \"AUTO\", \"url\": \"https://partner.example\"}"), "url");
        assertField(admin.post(ENDPOINTS, "{\"mode\": \"FAX\"}"), "mode");
        assertField(admin.post(ENDPOINTS, "{}"), "mode");
        assertThat(admin.post(ENDPOINTS, "{\"mode\": \"AUTO\", \"colour\": \"red\"}").status()).isEqualTo(400);
        assertThat(admin.post(ENDPOINTS, "{\"mode\": ").status()).isEqualTo(400);
        assertThat(admin.post(ENDPOINTS, "{\"mode\": \"WEBHOOK\", \"url\": \"http://127.0.0.1:8443/hook\"}").status())
                .isEqualTo(201);
    }

    private static void assertField(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(field);
    }

    private TestHttp admin(String partner) {
        return TestHttp.localPort(port).as(TestJwt.partner("admin-" + partner, partner, Roles.PARTNER_ADMIN));
    }
}
