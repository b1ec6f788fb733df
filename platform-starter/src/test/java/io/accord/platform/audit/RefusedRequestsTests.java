package io.accord.platform.audit;

import io.accord.contracts.Roles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in caller's refused requests are in the audit trail (action {@code refused}), although the refused work
 * rolled back: a guard's 409 with its reason, a role's 403 from an operation's rule and from a path rule; the
 * refused change itself left no entry. Callers without a token are not recorded.
 */
@AuditTestApplication.Test
class RefusedRequestsTests {

    private final int port;
    private final TestHttp auditor;

    RefusedRequestsTests(@LocalServerPort int port) {
        this.port = port;
        this.auditor = TestHttp.localPort(port).as(TestJwt.staff("audra", Roles.AUDITOR));
    }

    @Test
    void aGuardsRefusalIsRecordedWithItsReasonAndTheRefusedChangeIsNot() {
        String user = "carl-" + UUID.randomUUID().toString().substring(0, 8);
        String thing = UUID.randomUUID().toString();

        TestHttp.Response refused = TestHttp.localPort(port).as(TestJwt.staff(user, Roles.FINANCE))
                .post("/api/things/" + thing + "/approval", "{}");

        assertThat(refused.status()).isEqualTo(409);
        JsonNode entries = auditor.get("/api/audit?resourceId=" + thing).json();
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("action").asString()).isEqualTo("refused");
        assertThat(entry.get("resourceType").asString()).isEqualTo("request");
        assertThat(entry.get("actor").asString()).isEqualTo(user);
        assertThat(entry.get("actorId").asString()).isEqualTo(UUID.nameUUIDFromBytes(user.getBytes()).toString());
        JsonNode after = entry.get("after");
        assertThat(after.get("method").asString()).isEqualTo("POST");
        assertThat(after.get("path").asString()).isEqualTo("/api/things/" + thing + "/approval");
        assertThat(after.get("status").asInt()).isEqualTo(409);
        assertThat(after.get("detail").asString()).contains("four-eyes");
        assertThat(auditor.get("/api/audit?actor=" + user + "&action=approved").json()).isEmpty();
    }

    @Test
    void aRolesRefusalIsRecordedForAnOperationsRuleAndForAPathRuleWithThePartner() {
        String partner = UUID.randomUUID().toString();
        String user = "pia-" + UUID.randomUUID().toString().substring(0, 8);
        TestHttp caller = TestHttp.localPort(port).as(TestJwt.partner(user, partner, Roles.PARTNER_ADMIN));
        String thing = UUID.randomUUID().toString();

        assertThat(caller.post("/api/things/" + thing + "/closure", "{}").status()).isEqualTo(403);
        assertThat(caller.get("/actuator/metrics").status()).isEqualTo(403);

        JsonNode entries = auditor.get("/api/audit?actor=" + user + "&action=refused").json();
        assertThat(entries).hasSize(2);
        assertThat(entries.findValuesAsString("partnerId")).containsOnly(partner);
        assertThat(entries.findValues("after").stream().map(after -> after.get("path").asString()))
                .containsExactlyInAnyOrder("/api/things/" + thing + "/closure", "/actuator/metrics");
        assertThat(entries.findValues("after").stream().map(after -> after.get("status").asInt()))
                .containsOnly(403);
        assertThat(auditor.get("/api/audit?resourceId=" + thing).json().get(0).get("after").get("detail")
                .asString()).isEqualTo("Your role does not allow this operation.");
    }

    @Test
    void aCallerWithoutATokenIsNotRecorded() {
        String thing = UUID.randomUUID().toString();

        assertThat(TestHttp.localPort(port).post("/api/things/" + thing + "/approval", "{}").status())
                .isEqualTo(401);

        assertThat(auditor.get("/api/audit?resourceId=" + thing).json()).isEmpty();
    }
}
