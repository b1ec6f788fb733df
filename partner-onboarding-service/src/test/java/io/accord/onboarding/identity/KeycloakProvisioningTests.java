package io.accord.onboarding.identity;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.infra.KeycloakRealmSync;
import io.accord.infra.KeycloakServer;
import io.accord.infra.MailSink;
import io.accord.infra.Processes;
import io.accord.testsupport.AccordTestInitializer;
import io.accord.demo.FirstLogin;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Provisioning against a real Keycloak 26 with the realm file imported, worked by the scheduled worker.
 * Keycloak is started once, by the first test, after that test has shown what happens while it is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = KeycloakProvisioningTests.OwnDatabaseAndKeycloak.class)
@Tag("keycloak")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakProvisioningTests {

    private static final int KEYCLOAK_PORT = Processes.freePort();
    private static final String KEYCLOAK_URL = "http://localhost:" + KEYCLOAK_PORT;
    // under target/; the unpacked distribution goes after the tests, the log stays for a look after a failure
    private static final Path HOME = Path.of("target", "keycloak-it", UUID.randomUUID().toString());
    private static KeycloakServer keycloak;
    // Keycloak sends the admins' first-login e-mails here
    private static final MailSink mail = MailSink.start(HOME, 0, 0, 0);
    private static Keycloak master;

    @LocalServerPort
    int port;
    private final IdentityProvisioning identity;
    private final ProvisioningWorker worker;
    private final PlatformTransactionManager transactionManager;

    KeycloakProvisioningTests(IdentityProvisioning identity, ProvisioningWorker worker, PlatformTransactionManager transactionManager) {
        this.identity = identity;
        this.worker = worker;
        this.transactionManager = transactionManager;
    }

    /**
     * The service as {@code @AccordServiceTest} runs it, but on a database of its own, so no other test class's
     * rows reach this Keycloak, and with the worker on and quick to retry.
     */
    static class OwnDatabaseAndKeycloak extends AccordTestInitializer {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            TestPropertyValues.of(databaseProperties("test_onboarding_keycloak")).applyTo(context);
            TestPropertyValues.of(
                    "accord.onboarding.identity.enabled=true",
                    "accord.onboarding.identity.server-url=" + KEYCLOAK_URL,
                    "accord.onboarding.identity.client-secret=accord-onboarding-dev-secret",
                    "accord.onboarding.identity.poll-interval=250ms",
                    "accord.onboarding.identity.first-backoff=250ms",
                    "accord.onboarding.identity.max-backoff=2s"
            ).applyTo(context);
        }
    }

    @AfterAll
    static void stopKeycloak() throws IOException {
        mail.close();
        if (master != null) {
            master.close();
        }
        if (keycloak != null) {
            keycloak.close();
            deleteRecursively(HOME.resolve("dist"));
        }
    }

    /** The partner whose users' erasure was asked for while Keycloak was down (test 0, completed in test 10). */
    private static final PartnerId ERASED_WHILE_DOWN = PartnerId.newId();

    @Test
    @Order(0)
    void anErasureOfUsersWhileKeycloakIsDownIsRetriedAndShownNeverDropped() {
        assertThat(keycloak).as("Keycloak is down").isNull();

        new TransactionTemplate(transactionManager).executeWithoutResult(erasure ->
                identity.eraseUsers(ERASED_WHILE_DOWN));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = staff().get(path(ERASED_WHILE_DOWN)).json();
            assertThat(status.get("state").asString()).isEqualTo("ERASING");
            assertThat(status.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(status.get("nextAttemptAt").isNull()).as("scheduled again").isFalse();
            assertThat(status.get("lastError").asString()).contains("Keycloak not reachable at " + KEYCLOAK_URL);
        });
    }

    @Test
    @Order(1)
    void activationCommitsWhileKeycloakIsDownAndProvisioningCompletesWhenItIsUpWithoutDuplicates(
            @Autowired JdbcClient jdbc) {
        assertThat(keycloak).as("this test starts Keycloak itself").isNull();
        assertThat(jdbc.sql("select current_database()").query(String.class).single())
                .isEqualTo("test_onboarding_keycloak");
        PartnerId partner = PartnerId.newId();
        AdminContact admin = admin("ada", partner);

        requested(partner, admin);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = staff().get(path(partner)).json();
            assertThat(status.get("state").asString()).isEqualTo("FAILED_RETRYING");
            assertThat(status.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(status.get("lastError").asString()).contains("Keycloak not reachable at " + KEYCLOAK_URL);
        });

        RealmResource realm = keycloakRealm();
        ProvisioningStatus done = awaitDone(partner, 1);

        assertProvisioned(realm, partner, admin, done);
        assertThat(realm.users().get(done.keycloakUserId()).toRepresentation().getRequiredActions())
                .containsExactly("UPDATE_PASSWORD");
        JsonNode status = staff().get(path(partner)).json();
        assertThat(status.get("lastError").isNull()).isTrue();
        assertThat(status.get("invitation").get("state").asString()).isEqualTo("SENT");
        assertThat(status.get("invitation").get("sent").asInt()).isEqualTo(1);
        assertThat(mail.messagesTo(admin.email())).singleElement().satisfies(message ->
                assertThat(FirstLogin.actionLink(message.mimeMessage()))
                        .startsWith(KEYCLOAK_URL + "/realms/accord/login-actions/action-token?key="));
        assertThat(auditActions(partner)).containsExactly("provisioned", "invitation-sent", "provisioning-failed",
                "provisioning-requested");
    }

    @Test
    @Order(2)
    void theAdminSetsAPasswordThroughTheEmailedLinkAndThenGetsTokensCarryingItsPartnerId() {
        RealmResource realm = keycloakRealm();
        PartnerId partner = PartnerId.newId();
        AdminContact admin = admin("bea", partner);
        requested(partner, admin);
        ProvisioningStatus done = awaitDone(partner, 1);
        UserResource user = realm.users().get(done.keycloakUserId());
        // a temporary password to sign in with once: the pending UPDATE_PASSWORD still keeps tokens away
        user.resetPassword(password("Bea-temporary-1", true));
        TestHttp.Response notYet = passwordGrant(admin.username(), "Bea-temporary-1");
        assertThat(notYet.status()).as(notYet.body()).isEqualTo(400);
        assertThat(notYet.body()).contains("Account is not fully set up");

        String link = FirstLogin.actionLink(mail.messagesTo(admin.email()).getFirst().mimeMessage());
        FirstLogin.setPassword(link, "Bea-first-login-1");

        assertThat(user.toRepresentation().getRequiredActions()).isEmpty();
        assertThat(user.toRepresentation().isEmailVerified()).isTrue();
        JsonNode claims = accessTokenClaims(admin.username(), "Bea-first-login-1");
        assertThat(claims.get("partner_id").asString()).isEqualTo(partner.toString());
        assertThat(claims.get("preferred_username").asString()).isEqualTo(admin.username());
        assertThat(claims.get("realm_access").get("roles").toString()).contains("\"partner-admin\"");
    }

    @Test
    @Order(3)
    void workingADonePartnerAgainChangesNothingAndAStaffRetryOnlyReChecksIt() {
        RealmResource realm = keycloakRealm();
        PartnerId partner = PartnerId.newId();
        AdminContact admin = admin("cy", partner);
        requested(partner, admin);
        ProvisioningStatus done = awaitDone(partner, 1);
        UserResource user = realm.users().get(done.keycloakUserId());
        setOwnPassword(user, "Cy-own-password-1");

        worker.workDueRows();
        assertThat(identity.statusOf(partner)).contains(done);

        TestHttp.Response retried = staff().post(path(partner) + "/retry", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        ProvisioningStatus again = awaitDone(partner, done.attempts() + 1);

        assertThat(again.keycloakGroupId()).isEqualTo(done.keycloakGroupId());
        assertThat(again.keycloakUserId()).isEqualTo(done.keycloakUserId());
        assertProvisioned(realm, partner, admin, again);
        assertThat(user.toRepresentation().getRequiredActions()).as("a password once set is not reset").isEmpty();
        assertThat(accessTokenClaims(admin.username(), "Cy-own-password-1").get("partner_id").asString())
                .isEqualTo(partner.toString());
    }

    @Test
    @Order(4)
    void aUserWhoAlreadyExistsUnderTheUsernameIsAdoptedNotDuplicated() {
        RealmResource realm = keycloakRealm();
        PartnerId partner = PartnerId.newId();
        AdminContact admin = admin("dee", partner);
        String existingId = createUser(realm, admin, "Dee-existing-1");

        requested(partner, admin);
        ProvisioningStatus done = awaitDone(partner, 1);

        assertThat(done.keycloakUserId()).isEqualTo(existingId);
        assertProvisioned(realm, partner, admin, done);
        assertThat(realm.users().get(existingId).toRepresentation().getRequiredActions()).isEmpty();
        assertThat(accessTokenClaims(admin.username(), "Dee-existing-1").get("partner_id").asString())
                .isEqualTo(partner.toString());
    }

    @Test
    @Order(5)
    void theAdminOfAnotherPartnerIsNotTakenOverStaffSeeWhyAndNothingIsRetriedUntilTheyAskForIt() {
        RealmResource realm = keycloakRealm();
        PartnerId first = PartnerId.newId();
        AdminContact admin = admin("eve", first);
        requested(first, admin);
        ProvisioningStatus firstDone = awaitDone(first, 1);
        PartnerId second = PartnerId.newId();

        requested(second, admin);

        ProvisioningStatus parked = await().atMost(Duration.ofSeconds(30)).until(
                () -> identity.statusOf(second).orElseThrow(),
                status -> status.state() == ProvisioningState.NEEDS_ATTENTION);
        assertThat(parked.attempts()).as("not retried: retrying cannot heal it").isEqualTo(1);
        JsonNode view = staff().get(path(second)).json();
        assertThat(view.get("needsAttention").asBoolean()).isTrue();
        assertThat(view.get("lastError").asString()).startsWith("conflict in Keycloak")
                .contains("is a member of group partner-" + first);
        assertThat(view.get("lastAttemptAt").isNull()).isFalse();
        assertThat(view.get("nextAttemptAt").isNull()).as("the worker does not come back on its own").isTrue();
        assertThat(view.get("retryHref").asString()).isEqualTo(path(second) + "/retry");
        assertThat(worker.workDueRows()).as("the row is not due for the worker").isZero();
        assertThat(identity.statusOf(second)).contains(parked);
        assertThat(auditActions(second)).containsExactly("provisioning-needs-attention", "provisioning-requested");
        assertThat(realm.users().get(firstDone.keycloakUserId()).groups())
                .extracting(GroupRepresentation::getId).containsExactly(firstDone.keycloakGroupId());

        // staff resolve it in Keycloak (here: the user leaves the first partner, whose admin it should not be)
        realm.users().get(firstDone.keycloakUserId()).leaveGroup(firstDone.keycloakGroupId());
        TestHttp.Response retried = staff().post(path(second) + "/retry", null);

        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().get("state").asString()).isEqualTo("PENDING");
        ProvisioningStatus done = awaitDone(second, 2);
        assertThat(done.keycloakUserId()).isEqualTo(firstDone.keycloakUserId());
        assertThat(auditActions(second)).startsWith("provisioned", "invitation-sent", "retry-requested",
                "provisioning-needs-attention");
    }

    @Test
    @Order(5)
    void dataKeycloakRefusesAsInvalidNeedsAttentionAndOtherPartnersAreStillProvisioned() {
        RealmResource realm = keycloakRealm();
        PartnerId refused = PartnerId.newId();
        // Keycloak's user profile refuses these characters in a person's name
        AdminContact invalid = new AdminContact("zed-" + refused + "@partner.example", "Zed<script>", "Example");
        PartnerId fine = PartnerId.newId();
        AdminContact admin = admin("hal", fine);

        requested(refused, invalid);
        requested(fine, admin);

        ProvisioningStatus parked = await().atMost(Duration.ofSeconds(60)).until(
                () -> identity.statusOf(refused).orElseThrow(),
                status -> status.state() == ProvisioningState.NEEDS_ATTENTION);
        assertThat(parked.lastError()).startsWith("find or create user " + invalid.username()
                + ": Keycloak answered 400");
        assertThat(parked.attempts()).isEqualTo(1);
        assertThat(awaitDone(fine, 1).keycloakUserId()).isNotNull();
        assertThat(realm.users().searchByUsername(invalid.username(), true)).isEmpty();
        assertThat(identity.statusOf(refused)).contains(parked);
    }

    @Test
    @Order(6)
    void aPartnerManagerResendsTheFirstLoginEmailAndTheNewLinkWorks() {
        keycloakRealm();
        PartnerId partner = PartnerId.newId();
        AdminContact admin = admin("fay", partner);
        requested(partner, admin);
        ProvisioningStatus done = awaitDone(partner, 1);
        assertThat(mail.messagesTo(admin.email())).hasSize(1);

        TestHttp.Response resent = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER))
                .post(path(partner) + "/invitation", null);

        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        ProvisioningStatus again = awaitDone(partner, done.attempts() + 1);
        assertThat(again.invitation().sent()).isEqualTo(2);
        assertThat(again.invitation().sentAt()).isAfter(done.invitation().sentAt());
        assertThat(mail.messagesTo(admin.email())).hasSize(2);
        FirstLogin.setPassword(FirstLogin.actionLink(mail.messagesTo(admin.email()).getLast().mimeMessage()),
                "Fay-first-login-1");
        assertThat(accessTokenClaims(admin.username(), "Fay-first-login-1").get("partner_id").asString())
                .isEqualTo(partner.toString());
        assertThat(auditActions(partner)).startsWith("provisioned", "invitation-sent",
                "invitation-resend-requested");
    }

    @Test
    @Order(7)
    void anEmailKeycloakCannotSendFailsTheAttemptWhichIsRetriedUntilItGoesOut() {
        keycloakRealm();
        int nobodyListens = Processes.freePort();
        KeycloakRealmSync.useSmtpServer(KEYCLOAK_URL, KeycloakServer.REALM, "localhost", nobodyListens);
        PartnerId partner = PartnerId.newId();
        AdminContact admin = admin("gil", partner);
        try {
            requested(partner, admin);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode status = staff().get(path(partner)).json();
                assertThat(status.get("state").asString()).isEqualTo("FAILED_RETRYING");
                assertThat(status.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
                assertThat(status.get("lastError").asString())
                        .startsWith("send the first-login e-mail to " + admin.email() + ": Keycloak answered 500");
                assertThat(status.get("invitation").get("state").asString()).isEqualTo("FAILED");
                assertThat(status.get("invitation").get("lastError").asString()).contains("Keycloak answered 500");
                assertThat(status.get("keycloakUserId").isNull()).as("the user exists already").isFalse();
            });
        } finally {
            KeycloakRealmSync.useSmtpServer(KEYCLOAK_URL, KeycloakServer.REALM, mail.smtpHost(), mail.smtpPort());
        }

        ProvisioningStatus done = awaitDone(partner, 3);
        assertThat(done.invitation().state()).isEqualTo(InvitationState.SENT);
        assertThat(done.invitation().lastError()).isNull();
        assertThat(mail.messagesTo(admin.email())).hasSize(1);
        assertThat(keycloakRealm().users().searchByUsername(admin.username(), true)).hasSize(1);
    }

    @Test
    @Order(8)
    void aTerminatedPartnersUsersAreDisabledAndGetNoMoreTokens() {
        RealmResource realm = keycloakRealm();
        PartnerId partner = PartnerId.newId();
        AdminContact admin = admin("tess", partner);
        requested(partner, admin);
        ProvisioningStatus done = awaitDone(partner, 1);
        UserResource user = realm.users().get(done.keycloakUserId());
        setOwnPassword(user, "Tess-own-password-1");
        assertThat(passwordGrant(admin.username(), "Tess-own-password-1").status()).isEqualTo(200);

        new TransactionTemplate(transactionManager).executeWithoutResult(termination -> identity.revoke(partner));

        ProvisioningStatus revoked = await().atMost(Duration.ofMinutes(1)).until(
                () -> identity.statusOf(partner).orElseThrow(), status -> status.state() == ProvisioningState.REVOKED);
        assertThat(revoked.lastError()).isNull();
        assertThat(user.toRepresentation().isEnabled()).isFalse();
        TestHttp.Response refused = passwordGrant(admin.username(), "Tess-own-password-1");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(auditActions(partner)).startsWith("access-revoked", "revocation-requested");
        worker.workDueRows();
        assertThat(identity.statusOf(partner)).as("nothing is worked on again").contains(revoked);
    }

    @Test
    @Order(9)
    void theOnboardingClientManagesUsersAndGroupsButNotTheRealm() {
        keycloakRealm();
        TestHttp.Response granted = new TestHttp(KEYCLOAK_URL).send("POST",
                "/realms/accord/protocol/openid-connect/token", "grant_type=client_credentials"
                        + "&client_id=accord-onboarding&client_secret=accord-onboarding-dev-secret",
                "application/x-www-form-urlencoded");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        TestHttp asOnboarding = new TestHttp(KEYCLOAK_URL).as(granted.json().get("access_token").asString());

        assertThat(asOnboarding.get("/admin/realms/accord/users?max=1").status()).isEqualTo(200);
        assertThat(asOnboarding.get("/admin/realms/accord/groups?max=1").status()).isEqualTo(200);
        assertThat(asOnboarding.get("/admin/realms/accord/clients").status()).isEqualTo(403);
        assertThat(asOnboarding.get("/admin/realms/accord/roles").status()).isEqualTo(403);
        assertThat(asOnboarding.put("/admin/realms/accord", "{\"registrationAllowed\":true}").status())
                .isEqualTo(403);
    }

    @Test
    @Order(10)
    void anErasureOfUsersThatFailedWhileKeycloakWasDownCompletesOnceItIsUp() {
        keycloakRealm();

        ProvisioningStatus erased = await().atMost(Duration.ofMinutes(1)).until(
                () -> identity.statusOf(ERASED_WHILE_DOWN).orElseThrow(),
                status -> status.state() == ProvisioningState.ERASED);

        assertThat(erased.lastError()).isNull();
        assertThat(auditActions(ERASED_WHILE_DOWN)).startsWith("users-erased");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static synchronized RealmResource keycloakRealm() {
        if (keycloak == null) {
            keycloak = KeycloakServer.start(HOME, KEYCLOAK_PORT, TestInfrastructure.database("keycloak_it"),
                    TestInfrastructure.dbUser(), TestInfrastructure.dbPassword(),
                    Path.of("../deploy/keycloak/accord-realm.json"));
            KeycloakRealmSync.useSmtpServer(KEYCLOAK_URL, KeycloakServer.REALM, mail.smtpHost(), mail.smtpPort());
            master = KeycloakBuilder.builder().serverUrl(KEYCLOAK_URL).realm("master").clientId("admin-cli")
                    .grantType(OAuth2Constants.PASSWORD)
                    .username(KeycloakServer.ADMIN_USERNAME).password(KeycloakServer.ADMIN_PASSWORD).build();
        }
        return master.realm(KeycloakServer.REALM);
    }

    /** Exactly one group and one user for the partner, wired together as a partner admin needs. */
    private static void assertProvisioned(RealmResource realm, PartnerId partner, AdminContact admin,
                                          ProvisioningStatus done) {
        assertThat(realm.groups().groups("partner-" + partner, true, 0, 10, false)).singleElement()
                .satisfies(group -> {
                    assertThat(group.getId()).isEqualTo(done.keycloakGroupId());
                    assertThat(group.getAttributes()).containsEntry("partner_id", List.of(partner.toString()));
                });
        assertThat(realm.users().searchByUsername(admin.username(), true)).singleElement().satisfies(user -> {
            assertThat(user.getId()).isEqualTo(done.keycloakUserId());
            assertThat(user.getEmail()).isEqualTo(admin.email());
            assertThat(user.getFirstName()).isEqualTo(admin.firstName());
            assertThat(user.getLastName()).isEqualTo(admin.lastName());
            assertThat(user.isEnabled()).isTrue();
        });
        assertThat(realm.users().searchByEmail(admin.email(), true)).hasSize(1);
        UserResource user = realm.users().get(done.keycloakUserId());
        assertThat(user.roles().realmLevel().listAll()).extracting(RoleRepresentation::getName)
                .contains(Roles.PARTNER_ADMIN);
        assertThat(user.groups()).extracting(GroupRepresentation::getId).containsExactly(done.keycloakGroupId());
        assertThat(realm.groups().group(done.keycloakGroupId()).members()).extracting(UserRepresentation::getId)
                .containsExactly(done.keycloakUserId());
    }

    /** The status once DONE after at least this many attempts (Keycloak's first start included). */
    private ProvisioningStatus awaitDone(PartnerId partner, int minimumAttempts) {
        return await().atMost(Duration.ofMinutes(3)).until(() -> identity.statusOf(partner).orElseThrow(),
                status -> status.state() == ProvisioningState.DONE && status.attempts() >= minimumAttempts);
    }

    private void requested(PartnerId partner, AdminContact admin) {
        new TransactionTemplate(transactionManager).executeWithoutResult(activation ->
                identity.requestFor(partner, "Partner " + partner, admin));
    }

    private static String createUser(RealmResource realm, AdminContact admin, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(admin.username());
        user.setEmail(admin.email());
        user.setFirstName(admin.firstName());
        user.setLastName(admin.lastName());
        user.setEnabled(true);
        user.setCredentials(List.of(password(password, false)));
        try (Response response = realm.users().create(user)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    /** What the user does in the browser at first login: sets a password, which clears the required action. */
    private static void setOwnPassword(UserResource user, String password) {
        user.resetPassword(password(password, false));
        UserRepresentation representation = user.toRepresentation();
        representation.setRequiredActions(List.of());
        user.update(representation);
    }

    private static CredentialRepresentation password(String value, boolean temporary) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(temporary);
        return credential;
    }

    private static TestHttp.Response passwordGrant(String username, String password) {
        return new TestHttp(KEYCLOAK_URL).send("POST", "/realms/accord/protocol/openid-connect/token",
                "grant_type=password&client_id=accord-cli&scope=openid&username=" + encode(username)
                        + "&password=" + encode(password), "application/x-www-form-urlencoded");
    }

    private static JsonNode accessTokenClaims(String username, String password) {
        TestHttp.Response granted = passwordGrant(username, password);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        String payload = granted.json().get("access_token").asString().split("\\.")[1];
        return JsonMapper.builder().build()
                .readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private TestHttp staff() {
        return TestHttp.localPort(port).as(TestJwt.staff("olga", Roles.OPS));
    }

    private static AdminContact admin(String name, PartnerId partner) {
        return new AdminContact(name + "-" + partner + "@partner.example", name, "Example");
    }

    private static String path(PartnerId partner) {
        return "/api/onboarding/partners/" + partner + "/identity";
    }

    private List<String> auditActions(PartnerId partner) {
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
        List<String> actions = new ArrayList<>();
        auditor.get("/api/onboarding/audit?resourceType=identity-provisioning&resourceId=" + partner).json()
                .forEach(entry -> actions.add(entry.get("action").asString()));
        return actions;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }
}
