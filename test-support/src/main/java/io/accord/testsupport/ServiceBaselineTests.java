package io.accord.testsupport;

import io.accord.contracts.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Accord service answers from day one: public health probes, 401/403 problem+json, its audit trail
 * for auditors, and its API docs. A service's test extends this and names its API base path.
 */
public abstract class ServiceBaselineTests {

    @LocalServerPort
    protected int port;

    /** The service's REST prefix behind the gateway, e.g. {@code /api/rating}. */
    protected abstract String apiBasePath();

    @Test
    void healthProbesArePublicAndUp() {
        TestHttp anonymous = TestHttp.localPort(port);

        assertThat(anonymous.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theApiNeedsAToken() {
        TestHttp.Response response = TestHttp.localPort(port).get(apiBasePath() + "/audit");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void auditorsReadTheAuditTrailAndPartnersMayNot() {
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("auditor", Roles.AUDITOR));
        TestHttp partner = TestHttp.localPort(port)
                .as(TestJwt.partner("p", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));

        TestHttp.Response trail = auditor.get(apiBasePath() + "/audit?limit=5");
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.header("X-Total-Count")).isNotNull();
        assertThat(partner.get(apiBasePath() + "/audit").status()).isEqualTo(403);
        assertThat(auditor.get(apiBasePath() + "/audit?limit=0").status()).isEqualTo(400);
        assertThat(auditor.get(apiBasePath() + "/audit?partnerId=not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void opsSeeParkedOutboxEventsAndTheirHealthDetailAndPartnerManagersMayNot() {
        TestHttp ops = TestHttp.localPort(port).as(TestJwt.staff("ops", Roles.OPS));
        TestHttp manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));

        TestHttp.Response parked = ops.get(apiBasePath() + "/admin/outbox/parked");
        assertThat(parked.status()).isEqualTo(200);
        assertThat(parked.header("X-Total-Count")).isNotNull();
        assertThat(manager.get(apiBasePath() + "/admin/outbox/parked").status()).isEqualTo(403);
        assertThat(ops.get("/actuator/health/outbox").json().get("details").has("parked")).isTrue();
    }

    @Test
    void publishesItsOpenApiDocument() {
        TestHttp.Response docs = TestHttp.localPort(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
    }

    /**
     * The operations an anonymous caller may use, as {@code "POST /path"} with the path template of the API docs:
     * the only ones shown without a lock. None by default.
     */
    protected Set<String> publicOperations() {
        return Set.of();
    }

    @Test
    void apiDocsFollowTheConventions() {
        TestHttp.Response docs = TestHttp.localPort(port).get("/v3/api-docs");

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(ApiDocsConventionChecks.breaches(docs.json())).isEmpty();
        assertThat(ApiDocsConventionChecks.unlockedOperations(docs.json())).isEqualTo(publicOperations());
        assertThat(docs.json().path("components").path("securitySchemes").path("keycloak").path("flows")
                .path("authorizationCode").path("authorizationUrl").asString())
                .endsWith("/protocol/openid-connect/auth");
    }

    @Test
    void unknownPathsAreProblemJsonNotFound() {
        TestHttp.Response response = TestHttp.localPort(port).as(TestJwt.staff("ops", Roles.OPS))
                .get(apiBasePath() + "/no-such-resource");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
