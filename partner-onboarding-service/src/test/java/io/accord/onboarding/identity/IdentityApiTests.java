package io.accord.onboarding.identity;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provisioning request, its state for staff, the retry, and the worker's bookkeeping, without a Keycloak:
 * the test configuration points the worker at a port where nothing listens and does not schedule it.
 */
@AccordServiceTest
class IdentityApiTests {

    @LocalServerPort
    int port;
    private final IdentityProvisioning identity;
    private final ProvisioningWorker worker;
    private final PlatformTransactionManager transactionManager;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    IdentityApiTests(IdentityProvisioning identity, ProvisioningWorker worker, PlatformTransactionManager transactionManager,
                     JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.identity = identity;
        this.worker = worker;
        this.transactionManager = transactionManager;
    }

    private TestHttp ops;
    private TestHttp auditor;

    @BeforeEach
    void clients() {
        ops = TestHttp.localPort(port).as(TestJwt.staff("olga", Roles.OPS));
        auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
    }

    @Test
    void aRequestIsPendingForStaffToSeeUntilTheWorkerRuns() {
        PartnerId partner = requested("ada");

        TestHttp.Response response = ops.get(path(partner));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.get("state").asString()).isEqualTo("PENDING");
        assertThat(status.get("attempts").asInt()).isZero();
        assertThat(status.get("username").asString()).isEqualTo("ada-" + partner + "@partner.example");
        assertThat(status.get("groupName").asString()).isEqualTo("partner-" + partner);
        assertThat(status.get("href").asString()).isEqualTo(path(partner));
        assertThat(status.get("lastError").isNull()).isTrue();
        assertThat(status.get("keycloakUserId").isNull()).isTrue();
        assertThat(status.get("invitation").get("state").asString()).isEqualTo("PENDING");
        assertThat(status.get("invitation").get("sent").asInt()).isZero();
        assertThat(status.get("invitation").get("sentAt").isNull()).isTrue();
        // Spring's JSON is still Jackson 3 with the admin client's Jackson 2 on the classpath: ISO-8601 instants
        assertThat(status.get("createdAt").isString()).as(response.body()).isTrue();
        assertThat(Instant.parse(status.get("createdAt").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER)).get(path(partner))
                .status()).isEqualTo(200);
        assertThat(auditor.get(path(partner)).status()).isEqualTo(200);
    }

    @Test
    void theRequestIsPartOfTheCallersTransaction() {
        PartnerId partner = PartnerId.newId();

        new TransactionTemplate(transactionManager).executeWithoutResult(activation -> {
            identity.requestFor(partner, "Rolled Back Ltd", admin("rolf", partner));
            activation.setRollbackOnly();
        });

        assertThat(identity.statusOf(partner)).isEmpty();
        TestHttp.Response response = ops.get(path(partner));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void requestingAgainForTheSamePartnerChangesNothing() {
        PartnerId partner = requested("ada");

        identity.requestFor(partner, "Streamly Media GmbH", admin("bob", partner));

        assertThat(identity.statusOf(partner)).get().extracting(ProvisioningStatus::username)
                .isEqualTo("ada-" + partner + "@partner.example");
        assertThat(auditActions(partner)).containsExactly("provisioning-requested");
    }

    @Test
    void aFailedAttemptIsRecordedWithItsErrorAndNextAttemptAndAuditedOnceAsTheSystem() {
        PartnerId partner = requested("ada");

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            worker.workDueRows();
            return identity.statusOf(partner).orElseThrow().attempts() > 0;
        });

        JsonNode status = ops.get(path(partner)).json();
        assertThat(status.get("state").asString()).isEqualTo("FAILED_RETRYING");
        assertThat(status.get("lastError").asString())
                .startsWith("get a token for client accord-onboarding: Keycloak not reachable at http://127.0.0.1:1")
                .contains("Connection refused");
        assertThat(Instant.parse(status.get("nextAttemptAt").asString()))
                .isAfter(Instant.parse(status.get("updatedAt").asString()));
        JsonNode failed = audit(partner).get(0);
        assertThat(failed.get("action").asString()).isEqualTo("provisioning-failed");
        assertThat(failed.get("actor").asString()).isEqualTo("system");
        assertThat(failed.get("before").get("state").asString()).isEqualTo("PENDING");
        assertThat(failed.get("after").get("state").asString()).isEqualTo("FAILED_RETRYING");
    }

    @Test
    void staffRetryMakesItDueNowAndIsAudited() {
        PartnerId partner = requested("ada");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            worker.workDueRows();
            return identity.statusOf(partner).orElseThrow().attempts() > 0;
        });
        Instant beforeRetry = Instant.now();
        assertThat(identity.statusOf(partner).orElseThrow().nextAttemptAt()).isAfter(beforeRetry);

        TestHttp.Response retried = ops.post(path(partner) + "/retry", null);

        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(Instant.parse(retried.json().get("nextAttemptAt").asString())).isBetween(beforeRetry, Instant.now());
        JsonNode audited = audit(partner).get(0);
        assertThat(audited.get("action").asString()).isEqualTo("retry-requested");
        assertThat(audited.get("actor").asString()).isEqualTo("olga");
    }

    @Test
    void aRowAnotherReplicaIsWorkingOnIsSkippedNotWaitedForNorRetried(@Autowired DataSource dataSource)
            throws Exception {
        PartnerId partner = requested("ada");
        try (Connection otherReplica = dataSource.getConnection();
             Statement statement = otherReplica.createStatement()) {
            otherReplica.setAutoCommit(false);
            statement.execute("select * from identity_provisioning where partner_id = '" + partner + "' for update");

            worker.workDueRows();

            assertThat(identity.statusOf(partner).orElseThrow().attempts()).isZero();
            TestHttp.Response retried = ops.post(path(partner) + "/retry", null);
            assertThat(retried.status()).as(retried.body()).isEqualTo(409);
            otherReplica.rollback();
        }
    }

    @Test
    void onlyStaffSeeItAndOnlyOperatingStaffRetryIt() {
        PartnerId partner = requested("ada");
        TestHttp ownAdmin = TestHttp.localPort(port)
                .as(TestJwt.partner("ada", partner.toString(), Roles.PARTNER_ADMIN));
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fin", Roles.FINANCE));

        assertThat(ownAdmin.get(path(partner)).status()).isEqualTo(403);
        assertThat(finance.get(path(partner)).status()).isEqualTo(403);
        assertThat(auditor.post(path(partner) + "/retry", null).status()).isEqualTo(403);
        assertThat(ownAdmin.post(path(partner) + "/retry", null).status()).isEqualTo(403);
        assertThat(auditActions(partner)).containsExactly("provisioning-requested");
    }

    @Test
    void theFirstLoginEmailCannotBeResentBeforeProvisioningIsDoneAndAskingChangesNothing() {
        PartnerId partner = requested("ada");
        TestHttp manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));

        TestHttp.Response refused = manager.post(path(partner) + "/invitation", null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("goes out when its provisioning completes")
                .contains("/retry");
        assertThat(auditActions(partner)).containsExactly("provisioning-requested");
        assertThat(identity.statusOf(partner).orElseThrow().state()).isEqualTo(ProvisioningState.PENDING);
    }

    @Test
    void managersAndPlatformAdminsResendTheFirstLoginEmailOfADonePartnerWhichTheWorkerThenSends(
            @Autowired DataSource dataSource) throws Exception {
        PartnerId partner = requested("ada");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // as the worker leaves a partner it provisioned (it needs a Keycloak for that)
            statement.executeUpdate("update identity_provisioning set state = 'DONE', attempts = 1,"
                    + " invitation_state = 'SENT', invitations_sent = 1, invitation_sent_at = now(),"
                    + " completed_at = now() where partner_id = '" + partner + "'");
        }
        Instant asked = Instant.now();

        TestHttp.Response resent = TestHttp.localPort(port).as(TestJwt.staff("pia", Roles.PLATFORM_ADMIN))
                .post(path(partner) + "/invitation", null);

        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        assertThat(resent.json().get("state").asString()).isEqualTo("PENDING");
        assertThat(resent.json().get("invitation").get("state").asString()).isEqualTo("PENDING");
        assertThat(resent.json().get("invitation").get("sent").asInt()).isEqualTo(1);
        assertThat(Instant.parse(resent.json().get("nextAttemptAt").asString())).isBetween(asked, Instant.now());
        JsonNode audited = audit(partner).get(0);
        assertThat(audited.get("action").asString()).isEqualTo("invitation-resend-requested");
        assertThat(audited.get("actor").asString()).isEqualTo("pia");
        assertThat(audited.get("before").get("invitation").get("state").asString()).isEqualTo("SENT");
        assertThat(audited.get("after").get("invitation").get("state").asString()).isEqualTo("PENDING");
    }

    @Test
    void aTerminatedPartnersAccessIsToBeRevokedAndItsAdminNeitherInvitedNorProvisionedAgain() {
        TestHttp manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));
        TestHttp.Response created = manager.post("/api/onboarding/partners", """
                {"legalName": "Ended Media GmbH", "partnerType": "RESELLER", "businessModel": "RESELL",
                 "country": "DE", "settlementCurrency": "EUR"}""");
        PartnerId partner = PartnerId.of(created.json().get("id").asString());
        new TransactionTemplate(transactionManager).executeWithoutResult(activation ->
                identity.requestFor(partner, "Ended Media GmbH", admin("ed", partner)));
        assertThat(manager.post("/api/onboarding/partners/" + partner + "/termination",
                "{\"reason\": \"contract ended\"}").status()).isEqualTo(200);

        TestHttp.Response invited = manager.post(path(partner) + "/invitation", null);
        TestHttp.Response retried = ops.post(path(partner) + "/retry", null);

        assertThat(invited.status()).as(invited.body()).isEqualTo(409);
        assertThat(invited.json().get("detail").asString()).contains("TERMINATED");
        assertThat(retried.status()).as(retried.body()).isEqualTo(409);
        assertThat(identity.statusOf(partner).orElseThrow().state()).as("its users' access is to be revoked")
                .isEqualTo(ProvisioningState.REVOKING);
        assertThat(auditActions(partner)).containsExactly("revocation-requested", "provisioning-requested");
    }

    @Test
    void onlyManagersAndPlatformAdminsMayResendTheFirstLoginEmail() {
        PartnerId partner = requested("ada");
        TestHttp ownAdmin = TestHttp.localPort(port)
                .as(TestJwt.partner("ada", partner.toString(), Roles.PARTNER_ADMIN));

        assertThat(ops.post(path(partner) + "/invitation", null).status()).isEqualTo(403);
        assertThat(auditor.post(path(partner) + "/invitation", null).status()).isEqualTo(403);
        assertThat(ownAdmin.post(path(partner) + "/invitation", null).status()).isEqualTo(403);
        assertThat(TestHttp.localPort(port).post(path(partner) + "/invitation", null).status()).isEqualTo(401);
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER))
                .post(path(PartnerId.newId()) + "/invitation", null).status()).isEqualTo(404);
        assertThat(auditActions(partner)).containsExactly("provisioning-requested");
    }

    @Test
    void unknownAndMalformedPartnerIdsAreProblems() {
        String unknown = path(PartnerId.newId());

        assertThat(ops.get(unknown).status()).isEqualTo(404);
        assertThat(ops.post(unknown + "/retry", null).status()).isEqualTo(404);
        TestHttp.Response malformed = ops.get("/api/onboarding/partners/not-a-uuid/identity");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    /**
     * Ops see the provisioning that stopped for staff to act as a gauge: the number of NEEDS_ATTENTION rows (other
     * tests share the table, so it is compared with the table's count). Parked here as the worker parks a refusal
     * retrying cannot heal (KeycloakProvisioningTests), which needs a Keycloak this class does without.
     */
    @Test
    void provisioningNeedingAttentionIsGauged() {
        PartnerId partner = requested("gauge");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(needingAttention()).isEqualTo(parked()));
        double before = needingAttention();
        jdbc.sql("""
                        update identity_provisioning set state = 'NEEDS_ATTENTION', last_error = 'the admin user belongs
                        to another partner' where partner_id = :partner""")
                .param("partner", partner.value()).update();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(needingAttention()).isEqualTo(before + 1);
                assertThat(needingAttention()).isEqualTo(parked());
            });
            assertThat(TestHttp.localPort(port).get("/actuator/prometheus").body())
                    .contains("accord_onboarding_provisioning_needs_attention ");
        } finally {
            jdbc.sql("update identity_provisioning set state = 'PENDING' where partner_id = :partner")
                    .param("partner", partner.value()).update();
        }
    }

    private double needingAttention() {
        return meters.get(ProvisioningGauges.NEEDS_ATTENTION).gauge().value();
    }

    private double parked() {
        return jdbc.sql("select count(*) from identity_provisioning where state = 'NEEDS_ATTENTION'")
                .query(Long.class).single();
    }

    private PartnerId requested(String adminName) {
        PartnerId partner = PartnerId.newId();
        new TransactionTemplate(transactionManager).executeWithoutResult(activation ->
                identity.requestFor(partner, "Streamly Media GmbH", admin(adminName, partner)));
        return partner;
    }

    private static AdminContact admin(String name, PartnerId partner) {
        return new AdminContact(name + "-" + partner + "@partner.example", name, "Example");
    }

    private static String path(PartnerId partner) {
        return "/api/onboarding/partners/" + partner + "/identity";
    }

    private JsonNode audit(PartnerId partner) {
        TestHttp.Response trail = auditor.get(
                "/api/onboarding/audit?resourceType=identity-provisioning&resourceId=" + partner);
        assertThat(trail.status()).as(trail.body()).isEqualTo(200);
        return trail.json();
    }

    private List<String> auditActions(PartnerId partner) {
        List<String> actions = new ArrayList<>();
        audit(partner).forEach(entry -> actions.add(entry.get("action").asString()));
        return actions;
    }
}
